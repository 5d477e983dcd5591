// The change log and GET /api/v1/changes: one change per published write, none for drafts or
// rolled-back writes, an order that a poller can follow without gaps while others write, and
// conditional GETs (ETag, Last-Modified, 304) on the API's reads.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { issueApiToken } from "@/lib/data/api-tokens";
import { changeStatus } from "@/lib/data/edits/status-change";
import { editEvent, retractEvent } from "@/lib/data/edits/events";
import { publishEvent } from "@/lib/data/edits/review";
import { createOrganisation, updateOrganisation } from "@/lib/data/edits/organisations";
import { mergeOrganisations } from "@/lib/data/edits/merge";
import { GET as changesRoute } from "@/app/api/v1/changes/route";
import { GET as eventsRoute } from "@/app/api/v1/events/route";
import { GET as presencesRoute } from "@/app/api/v1/presences/route";
import { GET as organisationsRoute } from "@/app/api/v1/organisations/route";
import { GET as eventRoute } from "@/app/api/v1/events/[id]/route";
import { GET as organisationRoute } from "@/app/api/v1/organisations/[id]/route";
import { changeList } from "@/lib/api/schemas";
import { seedUser } from "../support/factories";
import { settled as waitForHorizon } from "../support/change-log";
import { createFreshDatabase, useDatabase } from "../support/test-database";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let databaseUrl: string;
let analyst: Actor;
let token: string;
let presenceId: number;
let version = 1;
let freshToken: () => Promise<string>;

const get = (route: (request: Request) => Promise<Response>, path: string, headers: Record<string, string> = {}) =>
  route(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } }));

interface Change {
  kind: string;
  entity: { type: string; id: number; href: string | null };
  countryIso3: string | null;
  organisationId: number | null;
  status: { from: string | null; to: string | null } | null;
}

const settled = () => waitForHorizon(prisma);

/** Every change after the cursor, following nextCursor; the cursor to continue from. */
async function readAll(cursor: string | null, query = "", settle = true): Promise<{ changes: Change[]; cursor: string | null }> {
  if (settle) await settled();
  const changes: Change[] = [];
  for (;;) {
    const response = await get(changesRoute, `/api/v1/changes?size=2${query}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(response.status).toBe(200);
    const body = changeList.parse(await response.json());
    changes.push(...body.data);
    cursor = body.nextCursor;
    if (!body.hasMore) return { changes, cursor };
  }
}

const statusBody = (overrides: Record<string, unknown> = {}) => ({
  status: "RESTRICTED",
  kind: "RESTRICTION_IMPOSED",
  occurredOn: "2026-01-10",
  datePrecision: "DAY",
  summary: "Field travel suspended for international staff.",
  confidence: "REPORTED",
  version,
  sources: [{ publisher: "Reuters", title: "Travel suspended", url: "https://example.org/a", publishedOn: "2026-01-11", quote: "Suspended." }],
  ...overrides,
});

beforeAll(async () => {
  databaseUrl = await createFreshDatabase(inject("serverUrl"));
  ({ prisma, restore } = useDatabase(databaseUrl));
  await prisma.country.create({ data: { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" } });
  const admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
  analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
  const viewer = (await seedUser(prisma, { role: "VIEWER" })).actor;
  // A token of its own for each group of tests: a token's request budget (120 a minute) is
  // what a script gets, and the mirror alone makes some eighty calls.
  freshToken = async () => (await issueApiToken(admin, { name: "mirror", email: viewer.email, readOnly: true })).token;
  token = await freshToken();
  const org = await prisma.organisation.create({ data: { name: "Aide Sahel", type: "NATIONAL_NGO" } });
  presenceId = (await prisma.presence.create({ data: { organisationId: org.id, countryIso3: "NER" } })).id;
});
afterAll(() => restore());

describe("the change log", () => {
  it("records each published write once, in order, and nothing for a draft until it is published", async () => {
    const start = await readAll(null);
    const org = await prisma.presence.findUniqueOrThrow({ where: { id: presenceId }, select: { organisationId: true } });
    expect(start.changes.map((c) => c.kind)).toEqual(["organisation.created"]);

    const first = await changeStatus(analyst, presenceId, statusBody());
    version = first.presence.version;
    const draft = await changeStatus(analyst, presenceId, statusBody({ status: "EXPELLED", kind: "ORDER_TO_LEAVE", occurredOn: "2026-02-01", draft: true }));
    version = draft.presence.version;
    const afterDraft = await readAll(start.cursor);
    expect(afterDraft.changes.map((c) => [c.kind, c.entity.type, c.entity.id])).toEqual([
      ["event.published", "AccessEvent", first.eventId],
      ["presence.statusChanged", "Presence", presenceId],
    ]);
    expect(afterDraft.changes[0]).toMatchObject({
      countryIso3: "NER",
      organisationId: org.organisationId,
      entity: { href: `/api/v1/events/${first.eventId}` },
      status: null,
    });
    // A status change says what it changed from and to, as of that change.
    expect(afterDraft.changes[1]!.status).toEqual({ from: null, to: "RESTRICTED" });

    await publishEvent(analyst, draft.eventId, { version: 1 });
    const edited = await editEvent(analyst, first.eventId, { version: 1, summary: "Field travel suspended for all staff." });
    await retractEvent(analyst, draft.eventId, { version: 2, reason: "Wrong organisation" });
    const later = await readAll(afterDraft.cursor);
    expect(edited.version).toBe(2);
    expect(later.changes.map((c) => [c.kind, c.entity.id])).toEqual([
      ["event.published", draft.eventId],
      ["presence.statusChanged", presenceId],
      ["event.corrected", first.eventId],
      ["event.retracted", draft.eventId],
      ["presence.statusChanged", presenceId],
    ]);
    expect(later.changes.filter((c) => c.entity.type === "Presence").map((c) => c.status)).toEqual([
      { from: "RESTRICTED", to: "EXPELLED" },
      { from: "EXPELLED", to: "RESTRICTED" },
    ]);
    // Nothing new: the same cursor comes back, so a poller keeps its place.
    const idle = await readAll(later.cursor);
    expect(idle).toEqual({ changes: [], cursor: later.cursor });
  });

  it("lists organisations added, edited and merged, filtered by kind", async () => {
    const { cursor } = await readAll(null);
    const kept = await createOrganisation(analyst, { name: "Sahel Relief", type: "INGO" });
    const duplicate = await createOrganisation(analyst, { name: "Sahel Relief Intl", type: "INGO" });
    const current = await prisma.organisation.findUniqueOrThrow({ where: { id: kept.id } });
    await updateOrganisation(analyst, kept.id, { name: "Sahel Relief International", type: "INGO", updatedAt: current.updatedAt.toISOString() });
    await mergeOrganisations(analyst, kept.id, { organisationId: duplicate.id });
    const organisations = await readAll(cursor, "&kinds=organisation.updated,organisation.merged");
    expect(organisations.changes.map((c) => [c.kind, c.entity.id, c.organisationId])).toEqual([
      ["organisation.updated", kept.id, kept.id],
      ["organisation.merged", duplicate.id, kept.id],
    ]);
  });

  it("records nothing for a write that rolls back", async () => {
    const { cursor } = await readAll(null);
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.organisation.create({ data: { name: "Never committed", type: "OTHER" } });
        throw new Error("rolled back on purpose");
      }),
    ).rejects.toThrow("rolled back on purpose");
    expect((await readAll(cursor)).changes).toEqual([]);
  });

  it("holds back changes behind a transaction still running, so a poller never skips the one that commits late", async () => {
    const { cursor } = await readAll(null);
    const slow = new pg.Client({ connectionString: databaseUrl });
    await slow.connect();
    try {
      // The slow transaction writes first (it gets the older transaction id), commits last.
      await slow.query("BEGIN");
      const early = await slow.query<{ id: number }>(
        `INSERT INTO "Organisation" (name, type, "updatedAt") VALUES ('Slow writer', 'OTHER', now()) RETURNING id`,
      );
      const fast = await prisma.organisation.create({ data: { name: "Fast writer", type: "OTHER" } });
      const whileRunning = await readAll(cursor, "", false);
      expect(whileRunning.changes).toEqual([]);
      await slow.query("COMMIT");
      const afterCommit = await readAll(whileRunning.cursor);
      expect(afterCommit.changes.map((c) => c.entity.id)).toEqual([early.rows[0]!.id, fast.id]);
    } finally {
      await slow.end();
    }
  });

  it("refuses a bad cursor, kind, instant or country with 400, and a cursor-less poll from the future finds nothing", async () => {
    for (const query of ["cursor=abc", "kinds=event.deleted", "since=yesterday", "country=XXX", "size=0", "extra=1"]) {
      const response = await get(changesRoute, `/api/v1/changes?${query}`);
      expect(response.status, query).toBe(400);
    }
    const since = await readAll(null, `&since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(since.changes).toEqual([]);
  });
});

interface EventDetail {
  id: number;
  version: number;
  state: string;
  summary: string;
}

const eventDetail = async (id: number): Promise<EventDetail> => {
  const response = await eventRoute(new Request(`http://localhost/api/v1/events/${id}`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({ id: String(id) }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as EventDetail;
};

describe("a mirror of the API", () => {
  beforeAll(async () => {
    token = await freshToken();
  });

  it("built from the events list, then kept by the changes, ends with exactly the app's events while others write", async () => {
    const mirror = new Map<number, EventDetail>();
    const start = (await readAll(null)).cursor;
    let writing = true;
    const edits = (async () => {
      for (let i = 0; i < 12; i++) {
        const presence = await prisma.presence.findUniqueOrThrow({ where: { id: presenceId } });
        const operating = i % 2 === 0;
        const { eventId } = await changeStatus(
          analyst,
          presenceId,
          statusBody({
            version: presence.version,
            occurredOn: `2026-03-${String(i + 1).padStart(2, "0")}`,
            status: operating ? "OPERATING" : "RESTRICTED",
            kind: operating ? "RESTRICTION_LIFTED" : "RESTRICTION_IMPOSED",
            summary: `Status change number ${i}`,
          }),
        );
        if (i % 3 === 0) await editEvent(analyst, eventId, { version: 1, summary: `Status change number ${i}, corrected` });
        if (i % 4 === 1) {
          const { version: seen } = await prisma.accessEvent.findUniqueOrThrow({ where: { id: eventId } });
          await retractEvent(analyst, eventId, { version: seen, reason: "Reported twice" });
        }
      }
      writing = false;
    })();
    // From scratch: every page of the list, each event read in full, while the edits run.
    const mirrorList = (async () => {
      let cursor: string | null = null;
      do {
        const response = await get(eventsRoute, `/api/v1/events?size=2${cursor ? `&cursor=${cursor}` : ""}`);
        const page = (await response.json()) as { data: { id: number }[]; nextCursor: string | null };
        for (const { id } of page.data) mirror.set(id, await eventDetail(id));
        cursor = page.nextCursor;
      } while (cursor);
    })();
    await Promise.all([edits, mirrorList]);
    expect(writing).toBe(false);
    // Then by the changes since the moment before the list was read.
    const { changes } = await readAll(start, "&kinds=event.published,event.corrected,event.retracted");
    for (const change of changes) mirror.set(change.entity.id, await eventDetail(change.entity.id));

    // Every published event is in the mirror as the app has it now; every other entry is an
    // event retracted while the mirror was being built, marked so (one retracted before the
    // mirror began is no more in the list, and no change after the start names it).
    const app = await prisma.accessEvent.findMany({ where: { reviewState: { in: ["PUBLISHED", "RETRACTED"] } }, orderBy: { id: "asc" } });
    const state = (e: (typeof app)[number]) => [e.id, e.version, e.reviewState === "PUBLISHED" ? "published" : "retracted", e.summary];
    const mirrored = [...mirror.values()].sort((a, b) => a.id - b.id);
    expect(mirrored.filter((e) => e.state === "published").map((e) => [e.id, e.version, e.state, e.summary])).toEqual(
      app.filter((e) => e.reviewState === "PUBLISHED").map(state),
    );
    expect(mirrored.map((e) => [e.id, e.version, e.state, e.summary])).toEqual(app.filter((e) => mirror.has(e.id)).map(state));
    expect([...mirror.values()].filter((e) => e.state === "retracted").length).toBeGreaterThanOrEqual(3);
  });

  it("mirrored from the lists, then by updatedSince on events, presences and organisations, ends with exactly the app's rows while others write", async () => {
    token = await freshToken();
    const events = new Map<number, { version: number; state: string; summary: string }>();
    const presences = new Map<number, { status: string | null; version: number } | "removed">();
    const organisations = new Map<number, { name: string } | { mergedInto: number }>();
    const keep = {
      event: (e: { id: number; version: number; state: string; summary: string }) =>
        events.set(e.id, { version: e.version, state: e.state, summary: e.summary }),
      presence: (p: { id: number; state?: string; status?: string | null; version?: number }) =>
        presences.set(p.id, p.state === "removed" ? "removed" : { status: p.status ?? null, version: p.version! }),
      organisation: (o: { id: number; name?: string; mergedInto?: number | null }) =>
        organisations.set(o.id, o.mergedInto ? { mergedInto: o.mergedInto } : { name: o.name! }),
    };
    // Where the change log is now, and a moment before: the first updatedSince call starts there.
    const start = (await readAll(null)).cursor!;
    const [{ now }] = await prisma.$queryRaw<[{ now: Date }]>`SELECT now() - interval '1 minute' AS now`;
    const updatedSince = now.toISOString();

    const second = await prisma.presence.create({
      data: { organisationId: (await createOrganisation(analyst, { name: "Mirror Second", type: "INGO" })).id, countryIso3: "NER" },
    });
    const edits = (async () => {
      for (let i = 0; i < 8; i++) {
        const target = i % 2 === 0 ? presenceId : second.id;
        const presence = await prisma.presence.findUniqueOrThrow({ where: { id: target } });
        const operating = presence.status !== "OPERATING";
        const { eventId } = await changeStatus(
          analyst,
          target,
          statusBody({
            version: presence.version,
            occurredOn: `2026-05-${String(i + 1).padStart(2, "0")}`,
            status: operating ? "OPERATING" : "RESTRICTED",
            kind: operating ? "ARRIVAL" : "RESTRICTION_IMPOSED",
            summary: `Mirror change ${i}`,
          }),
        );
        if (i % 3 === 0) await editEvent(analyst, eventId, { version: 1, summary: `Mirror change ${i}, corrected` });
        if (i === 5) await retractEvent(analyst, eventId, { version: 1, reason: "Reported twice" });
        if (i === 3) {
          const a = await createOrganisation(analyst, { name: "Mirror Duplicate A", type: "INGO" });
          const b = await createOrganisation(analyst, { name: "Mirror Duplicate B", type: "INGO" });
          await mergeOrganisations(analyst, a.id, { organisationId: b.id });
        }
      }
    })();
    // From scratch: every page of each list, while the edits run.
    const readList = async (route: (request: Request) => Promise<Response>, path: string, apply: (item: never) => void) => {
      let cursor: string | null = null;
      do {
        const response = await get(route, `${path}?size=3${cursor ? `&cursor=${cursor}` : ""}`);
        expect(response.status).toBe(200);
        const page = (await response.json()) as { data: { id: number }[]; nextCursor: string | null };
        for (const item of page.data) apply(item as never);
        cursor = page.nextCursor;
      } while (cursor);
    };
    await Promise.all([
      edits,
      (async () => {
        // A list's event has no state or version: each is read in full.
        const ids: number[] = [];
        await readList(eventsRoute, "/api/v1/events", (item: { id: number }) => ids.push(item.id));
        for (const id of ids) keep.event(await eventDetail(id));
        await readList(presencesRoute, "/api/v1/presences", keep.presence);
        await readList(organisationsRoute, "/api/v1/organisations", keep.organisation);
      })(),
    ]);
    // Then by updatedSince, from the position taken before the lists were read, following the cursor.
    await settled();
    for (const [route, path, apply] of [
      [eventsRoute, "/api/v1/events", keep.event],
      [presencesRoute, "/api/v1/presences", keep.presence],
      [organisationsRoute, "/api/v1/organisations", keep.organisation],
    ] as const) {
      let cursor = start;
      for (;;) {
        const response = await get(route, `${path}?updatedSince=${updatedSince}&size=2&cursor=${cursor}`);
        expect(response.status).toBe(200);
        const page = (await response.json()) as { data: never[]; nextCursor: string; hasMore: boolean };
        for (const item of page.data) (apply as (item: never) => void)(item);
        cursor = page.nextCursor;
        if (!page.hasMore) break;
      }
    }

    const appEvents = await prisma.accessEvent.findMany({ where: { reviewState: "PUBLISHED" }, orderBy: { id: "asc" } });
    expect(
      [...events]
        .filter(([, e]) => e.state === "published")
        .map(([id, e]) => [id, e.version, e.summary])
        .sort((a, b) => Number(a[0]) - Number(b[0])),
    ).toEqual(appEvents.map((e) => [e.id, e.version, e.summary]));
    expect([...events.values()].some((e) => e.state === "retracted")).toBe(true);
    const appPresences = await prisma.presence.findMany({ where: { status: { not: null } }, orderBy: { id: "asc" } });
    expect(appPresences.map((p) => [p.id, presences.get(p.id)])).toEqual(appPresences.map((p) => [p.id, { status: p.status, version: p.version }]));
    const appOrganisations = await prisma.organisation.findMany({ orderBy: { id: "asc" } });
    const mirroredOrganisations = [...organisations].filter(([, o]) => "name" in o).sort((a, b) => a[0] - b[0]);
    expect(mirroredOrganisations).toEqual(appOrganisations.map((o) => [o.id, { name: o.name }]));
    const mergedAway = await prisma.mergedOrganisation.findMany();
    expect([...organisations].filter(([, o]) => "mergedInto" in o).length).toBeGreaterThanOrEqual(1);
    for (const [id, o] of organisations) if ("mergedInto" in o) expect(mergedAway.find((m) => m.id === id)?.mergedIntoId).toBe(o.mergedInto);
  });

  it("refuses updatedSince with filters it does not take, or a bad instant, naming each", async () => {
    token = await freshToken();
    const answer = await get(eventsRoute, "/api/v1/events?updatedSince=yesterday&status=EXPELLED");
    expect(answer.status).toBe(400);
    const { error } = (await answer.json()) as { error: { issues: { param: string }[] } };
    expect(error.issues.map((i) => i.param).sort()).toEqual(["status", "updatedSince"]);
    expect((await get(presencesRoute, "/api/v1/presences?updatedSince=2026-01-01T00:00:00Z&cursor=nonsense")).status).toBe(400);
  });

  it("finds a merged organisation answering with where it went", async () => {
    const merged = await prisma.mergedOrganisation.findFirstOrThrow();
    const response = await organisationRoute(
      new Request(`http://localhost/api/v1/organisations/${merged.id}`, { headers: { authorization: `Bearer ${token}` } }),
      {
        params: Promise.resolve({ id: String(merged.id) }),
      },
    );
    expect(await response.json()).toEqual({ id: merged.id, mergedInto: merged.mergedIntoId });
    const unknown = await organisationRoute(new Request(`http://localhost/api/v1/organisations/999999`, { headers: { authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({ id: "999999" }),
    });
    expect(unknown.status).toBe(404);
  });
});

describe("conditional GETs", () => {
  beforeAll(async () => {
    token = await freshToken();
  });

  it("answers 304 to the ETag or the date it gave until the data changes", async () => {
    const first = await get(eventsRoute, "/api/v1/events?country=NER");
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag");
    const lastModified = first.headers.get("last-modified");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(lastModified).not.toBeNull();
    expect((await get(eventsRoute, "/api/v1/events?country=NER", { "if-none-match": etag! })).status).toBe(304);
    expect((await get(eventsRoute, "/api/v1/events?country=NER", { "if-modified-since": lastModified! })).status).toBe(304);
    // Another view of the same data has another ETag.
    expect((await get(eventsRoute, "/api/v1/events?country=NER&kind=ARRIVAL", { "if-none-match": etag! })).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, 1100)); // Last-Modified counts whole seconds
    await editEvent(analyst, (await prisma.accessEvent.findFirstOrThrow({ where: { reviewState: "PUBLISHED" } })).id, {
      version: 2,
      summary: "Field travel suspended for every member of staff.",
    });
    const changed = await get(eventsRoute, "/api/v1/events?country=NER", { "if-none-match": etag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect((await get(eventsRoute, "/api/v1/events?country=NER", { "if-modified-since": lastModified! })).status).toBe(200);
  });
});
