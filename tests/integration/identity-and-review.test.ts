// One identity per organisation (aliases found ignoring case and accents, merges that move
// everything and keep the figures) and the review queue (drafts that count nowhere until
// published; four eyes when REQUIRE_REVIEW is on).
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { addAlias, removeAlias } from "@/lib/data/edits/aliases";
import { mergeOrganisations, mergedInto } from "@/lib/data/edits/merge";
import { findSimilarOrganisations, searchOrganisations } from "@/lib/data/organisations";
import { changeStatus, recordPresenceEvent } from "@/lib/data/edits/status-change";
import { createOrganisation, createPresence } from "@/lib/data/edits/organisations";
import { publishEvent, returnDraft } from "@/lib/data/edits/review";
import { retractEvent } from "@/lib/data/edits/events";
import { recordConstraint } from "@/lib/data/edits/constraints";
import { countDrafts, listDrafts } from "@/lib/data/review";
import { getEvent, listTimeline } from "@/lib/data/timeline";
import { listTablePage } from "@/lib/data/tables";
import { parseTableQuery } from "@/lib/domain/tables/query";
import { issueApiToken } from "@/lib/data/api-tokens";
import { POST as publishRoute } from "@/app/api/v1/events/[id]/publication/route";
import { POST as presenceEventRoute } from "@/app/api/v1/presences/[id]/events/route";
import { POST as aliasRoute } from "@/app/api/v1/organisations/[id]/aliases/route";
import { REBUILD_STATUS_COUNT_HISTORY } from "@/lib/data/projections/status-count-history";
import { GET as eventsRoute } from "@/app/api/v1/events/route";
import { GET as exportRoute } from "@/app/api/v1/export/[table]/route";
import { seedPresenceWithStatus, seedUser, unique } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let analyst: Actor;
let secondAnalyst: Actor;
let viewer: Actor;

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await prisma.country.createMany({
    data: [
      { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" },
      { iso3: "MLI", iso2: "ML", nameEn: "Mali", nameFr: "Mali", region: "Africa" },
      { iso3: "BFA", iso2: "BF", nameEn: "Burkina Faso", nameFr: "Burkina Faso", region: "Africa" },
    ],
  });
  analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
  secondAnalyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
  viewer = (await seedUser(prisma, { role: "VIEWER" })).actor;
});
afterAll(() => restore());
afterEach(() => {
  delete process.env.REQUIRE_REVIEW;
});

const statusChange = (version: number, overrides: Record<string, unknown> = {}) => ({
  status: "EXPELLED",
  kind: "ORDER_TO_LEAVE",
  occurredOn: "2025-02-01",
  datePrecision: "DAY",
  summary: "Ordered to leave the country by the authorities.",
  confidence: "CONFIRMED",
  version,
  sources: [{ publisher: "Test Wire", title: "Ordered to leave" }],
  ...overrides,
});

/** The status counters as stored, in a fixed order. */
const counters = () =>
  prisma.$queryRaw<{ key: string }[]>`
    SELECT "countryIso3" || '|' || "organisationType" || '|' || status || '|' || "validFrom"::text || '|' || coalesce("validUntil"::text, '') || '|' || presences AS key
    FROM "StatusCountPeriod" ORDER BY 1`;

describe("aliases", () => {
  it("finds an organisation by any alias, ignoring case and accents, and warns before a duplicate", async () => {
    const { id } = await createOrganisation(analyst, {
      name: unique("International Committee of the Red Cross"),
      acronym: "ICRC",
      type: "RED_CROSS_RED_CRESCENT",
      iatiId: "XM-DAC-47017",
    });
    await addAlias(analyst, id, { name: "CICR", language: "fr", acronym: true });
    await addAlias(analyst, id, { name: "Comité international de la Croix-Rouge", language: "fr" });

    expect((await searchOrganisations(analyst, "cicr")).map((o) => o.id)).toEqual([id]);
    expect((await searchOrganisations(analyst, "COMITE INTERNATIONAL")).map((o) => o.id)).toEqual([id]);
    // The similar-name warning: by alias, and by IATI identifier whatever the name.
    expect((await findSimilarOrganisations(analyst, "Comite international de la Croix-Rouge", null)).map((o) => o.id)).toEqual([id]);
    expect((await findSimilarOrganisations(analyst, "Something else", null, "xm-dac-47017")).map((o) => o.id)).toEqual([id]);
    expect(await findSimilarOrganisations(analyst, "Something else", null, null)).toEqual([]);
    // The tables' search too.
    await createPresence(analyst, { organisationId: id, countryIso3: "MLI" });
    const page = await listTablePage(analyst, parseTableQuery("organisations", { q: "croix-rouge" }));
    expect(page.rows.map((r) => r.id)).toEqual([id]);

    // The same alias twice (once folded), or the name itself, is refused; nothing is written.
    await expect(addAlias(analyst, id, { name: "cicr" })).rejects.toMatchObject({ code: "conflict" });
    await expect(addAlias(analyst, id, { name: "icrc" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(addAlias(viewer, id, { name: "Red Cross" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await prisma.organisationAlias.count({ where: { organisationId: id } })).toBe(2);
    expect(await prisma.auditEntry.count({ where: { action: "organisation.addAlias", entityId: String(id) } })).toBe(2);

    const alias = await prisma.organisationAlias.findFirstOrThrow({ where: { organisationId: id, name: "CICR" } });
    await removeAlias(analyst, id, alias.id);
    expect(await searchOrganisations(analyst, "cicr")).toEqual([]);
  });

  it("answers the alias route with 201, 422 for a bad language and 403 for a viewer", async () => {
    const admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
    const token = (await issueApiToken(admin, { name: "a", email: analyst.email })).token;
    const viewerToken = (await issueApiToken(admin, { name: "v", email: viewer.email })).token;
    const { id } = await createOrganisation(analyst, { name: unique("Médecins Sans Frontières"), type: "INGO" });
    const post = (t: string, body: unknown) =>
      aliasRoute(
        new Request("http://localhost/x", {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${t}` },
          body: JSON.stringify(body),
        }),
        {
          params: Promise.resolve({ id: String(id) }),
        },
      );
    expect((await post(token, { name: "MSF", acronym: true })).status).toBe(201);
    expect((await post(token, { name: "Doctors Without Borders", language: "English" })).status).toBe(422);
    expect((await post(viewerToken, { name: "Artsen zonder grenzen", language: "nl" })).status).toBe(403);
    expect(await prisma.organisationAlias.count({ where: { organisationId: id } })).toBe(1);
  });
});

describe("merging two organisations", () => {
  it("moves presences, events, constraints and names, and keeps every figure", async () => {
    const kept = await seedPresenceWithStatus(analyst, { country: "NER", status: "OPERATING", since: "2024-01-01", name: unique("Acted") });
    const dup = await seedPresenceWithStatus(analyst, { country: "MLI", status: "RESTRICTED", since: "2024-03-01", name: unique("ACTED (duplicate)") });
    await prisma.organisation.update({ where: { id: dup.organisationId }, data: { acronym: "ACTD", iatiId: "FR-RCS-123" } });
    await addAlias(analyst, dup.organisationId, { name: "Agence d'aide à la coopération technique", language: "fr" });
    // A constraint naming the duplicate.
    const constraint = await recordConstraint(analyst, "MLI", {
      kind: "RESTRICTION_IMPOSED",
      subtype: "ESCORT_REQUIRED",
      occurredOn: "2024-05-01",
      datePrecision: "MONTH",
      summary: "Escorts required for the named organisation outside Bamako.",
      confidence: "REPORTED",
      organisationIds: [dup.organisationId],
      sources: [{ publisher: "Test Wire", title: "Escorts" }],
    });
    const before = {
      counters: await counters(),
      events: await prisma.accessEvent.count(),
      totals: await prisma.eventMonthTotal.findMany({ orderBy: [{ month: "asc" }, { kind: "asc" }, { statusKey: "asc" }] }),
    };

    const result = await mergeOrganisations(analyst, kept.organisationId, { organisationId: dup.organisationId });
    expect(result.movedPresences).toEqual([dup.id]);
    expect(result.combinedPresences).toEqual([]);
    expect(await prisma.organisation.findUnique({ where: { id: dup.organisationId } })).toBeNull();
    expect(await mergedInto(dup.organisationId)).toBe(kept.organisationId);
    const presences = await prisma.presence.findMany({ where: { organisationId: kept.organisationId }, orderBy: { countryIso3: "asc" } });
    expect(presences.map((p) => [p.countryIso3, p.status])).toEqual([
      ["MLI", "RESTRICTED"],
      ["NER", "OPERATING"],
    ]);
    expect(await prisma.eventOrganisation.findMany({ where: { eventId: constraint.eventId } })).toEqual([
      { eventId: constraint.eventId, organisationId: kept.organisationId },
    ]);
    const keptRow = await prisma.organisation.findUniqueOrThrow({ where: { id: kept.organisationId }, include: { aliases: true } });
    expect(keptRow.iatiId).toBe("FR-RCS-123");
    expect(keptRow.aliases.map((a) => a.name).sort()).toEqual(
      [
        "ACTD",
        "Agence d'aide à la coopération technique",
        (await prisma.mergedOrganisation.findUniqueOrThrow({ where: { id: dup.organisationId } })).name,
      ].sort(),
    );
    expect((await searchOrganisations(analyst, "ACTD")).map((o) => o.id)).toEqual([kept.organisationId]);
    // The figures: the same counters, events and month totals as before.
    expect(await counters()).toEqual(before.counters);
    expect(await prisma.accessEvent.count()).toBe(before.events);
    expect(await prisma.eventMonthTotal.findMany({ orderBy: [{ month: "asc" }, { kind: "asc" }, { statusKey: "asc" }] })).toEqual(before.totals);
    expect(await prisma.auditEntry.count({ where: { action: "organisation.merge", entityId: String(kept.organisationId) } })).toBe(1);
  });

  it("combines two presences in one country, with the status from the events of both", async () => {
    const kept = await seedPresenceWithStatus(analyst, { country: "BFA", status: "OPERATING", since: "2024-01-01", type: "INGO" });
    const dup = await seedPresenceWithStatus(analyst, { country: "BFA", status: "OPERATING", since: "2023-06-01", type: "INGO" });
    await changeStatus(analyst, dup.id, statusChange(dup.version, { occurredOn: "2024-08-01" }));
    const operating = (await prisma.presence.count({ where: { countryIso3: "BFA", status: "OPERATING" } })) - 1;

    const result = await mergeOrganisations(analyst, kept.organisationId, { organisationId: dup.organisationId });
    expect(result.combinedPresences).toEqual([{ from: dup.id, into: kept.id }]);
    expect(await prisma.presence.findUnique({ where: { id: dup.id } })).toBeNull();
    const combined = await prisma.presence.findUniqueOrThrow({ where: { id: kept.id } });
    // Events: OPERATING 2023-06 (dup), OPERATING 2024-01 (kept), EXPELLED 2024-08 (dup): expelled since 2024-08-01.
    expect([combined.status, combined.since?.toISOString().slice(0, 10)]).toEqual(["EXPELLED", "2024-08-01"]);
    expect(await prisma.accessEvent.count({ where: { presenceId: kept.id } })).toBe(3);
    expect(await prisma.presence.count({ where: { countryIso3: "BFA", status: "OPERATING" } })).toBe(operating);
    // The stored counters equal a rebuild from scratch.
    const stored = await counters();
    await prisma.$transaction([prisma.$executeRaw`DELETE FROM "StatusCountPeriod"`, prisma.$executeRaw(REBUILD_STATUS_COUNT_HISTORY)]);
    expect(await counters()).toEqual(stored);
  });

  it("refuses a merge into itself, of an unknown organisation, and by a viewer, writing nothing", async () => {
    const kept = await seedPresenceWithStatus(analyst, { country: "NER" });
    await expect(mergeOrganisations(analyst, kept.organisationId, { organisationId: kept.organisationId })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(mergeOrganisations(analyst, kept.organisationId, { organisationId: 999_999 })).rejects.toMatchObject({ code: "not_found" });
    await expect(mergeOrganisations(viewer, kept.organisationId, { organisationId: 1 })).rejects.toMatchObject({ code: "forbidden" });
    expect(await prisma.auditEntry.count({ where: { action: "organisation.merge", entityId: String(kept.organisationId) } })).toBe(0);
  });
});

describe("drafts and review", () => {
  it("keeps a draft out of every figure until it is published, and shows it only to editors", async () => {
    const presence = await seedPresenceWithStatus(analyst, { country: "NER", status: "OPERATING", name: unique("Draft Org") });
    const totalsBefore = await prisma.eventMonthTotal.findMany({ orderBy: [{ month: "asc" }, { kind: "asc" }, { statusKey: "asc" }] });
    const draft = await changeStatus(analyst, presence.id, statusChange(presence.version, { draft: true }));
    expect(draft.reviewState).toBe("DRAFT");
    expect((await prisma.presence.findUniqueOrThrow({ where: { id: presence.id } })).status).toBe("OPERATING");
    expect(await prisma.eventMonthTotal.findMany({ orderBy: [{ month: "asc" }, { kind: "asc" }, { statusKey: "asc" }] })).toEqual(totalsBefore);

    // Invisible to a viewer: tables, timeline, the event's page.
    const events = await listTablePage(viewer, parseTableQuery("events", { organisation: String(presence.organisationId) }));
    expect(events.rows.map((r) => r.id)).toEqual([presence.eventId]);
    expect((await listTimeline(viewer, { organisationId: presence.organisationId }, new Date())).events.map((e) => e.id)).toEqual([presence.eventId]);
    expect(await getEvent(viewer, draft.eventId)).toBeNull();
    // … the API and the exports.
    const admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
    const viewerToken = (await issueApiToken(admin, { name: "viewer", email: viewer.email })).token;
    const asViewer = { headers: { authorization: `Bearer ${viewerToken}` } };
    const listed = await eventsRoute(new Request(`http://localhost/api/v1/events?organisation=${presence.organisationId}`, asViewer));
    expect(((await listed.json()) as { data: { id: number }[] }).data.map((e) => e.id)).toEqual([presence.eventId]);
    const exported = await exportRoute(new Request(`http://localhost/api/v1/export/events?format=csv&organisation=${presence.organisationId}`, asViewer), {
      params: Promise.resolve({ table: "events" }),
    });
    const csv = await exported.text();
    expect(csv).toContain("A status set by a test factory.");
    expect(csv).not.toContain("Ordered to leave the country by the authorities.");
    expect((await getEvent(analyst, draft.eventId))?.draft?.author?.id).toBe(analyst.id);
    expect((await listDrafts(analyst, "mine")).drafts.map((d) => d.id)).toContain(draft.eventId);

    // Returned with a comment, still a draft; then published by someone: it counts.
    const version = (await prisma.accessEvent.findUniqueOrThrow({ where: { id: draft.eventId } })).version;
    const returned = await returnDraft(secondAnalyst, draft.eventId, { version, comment: "Add the decree's number." });
    expect(await prisma.accessEvent.findUniqueOrThrow({ where: { id: draft.eventId } })).toMatchObject({
      reviewState: "DRAFT",
      reviewComment: "Add the decree's number.",
    });
    await expect(publishEvent(analyst, draft.eventId, { version })).rejects.toMatchObject({ code: "conflict" });
    await publishEvent(analyst, draft.eventId, { version: returned.version });
    expect((await prisma.presence.findUniqueOrThrow({ where: { id: presence.id } })).status).toBe("EXPELLED");
    const after = await listTablePage(viewer, parseTableQuery("events", { organisation: String(presence.organisationId) }));
    expect(after.rows.map((r) => r.id).sort()).toEqual([presence.eventId, draft.eventId].sort());
    expect(
      await prisma.auditEntry.count({
        where: { entityType: "AccessEvent", entityId: String(draft.eventId), action: { in: ["event.return", "event.publish"] } },
      }),
    ).toBe(2);
    await expect(publishEvent(analyst, draft.eventId, { version: returned.version + 1 })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("counts drafts exactly up to a thousand and 'at least' beyond (the navigation's and the review page's count)", async () => {
    const presence = await seedPresenceWithStatus(analyst, { country: "BFA", status: "OPERATING", name: unique("Many Drafts Org") });
    const draft = await changeStatus(analyst, presence.id, statusChange(presence.version, { draft: true }));
    const columns = (
      await prisma.$queryRaw<{ name: string }[]>`SELECT column_name AS name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'AccessEvent' AND column_name <> 'id'`
    )
      .map((c) => `"${c.name}"`)
      .join(", ");
    const copies = async (n: number) =>
      prisma.$executeRawUnsafe(
        `INSERT INTO "AccessEvent" (${columns}) SELECT ${columns} FROM "AccessEvent", generate_series(1, ${n}) WHERE id = ${draft.eventId}`,
      );
    const exact = await prisma.accessEvent.count({ where: { reviewState: "DRAFT", parentEventId: null } });
    try {
      await copies(1000 - exact);
      expect(await countDrafts(analyst)).toEqual({ count: 1000, atLeast: false });
      await copies(1);
      expect(await countDrafts(analyst)).toEqual({ count: 1000, atLeast: true });
      const listed = await listDrafts(analyst, "all");
      expect(listed.total).toEqual({ count: 1000, atLeast: true });
      expect(listed.drafts).toHaveLength(100);
      await expect(countDrafts(viewer)).rejects.toMatchObject({ code: "forbidden" });
    } finally {
      await prisma.accessEvent.deleteMany({ where: { presenceId: presence.id, id: { gt: draft.eventId } } });
    }
    expect(await countDrafts(analyst)).toEqual({ count: exact, atLeast: false });
  });

  it("publishes a constraint's parts with it, and never shows a retracted draft in a timeline", async () => {
    const a = await seedPresenceWithStatus(analyst, { country: "MLI", status: "OPERATING", name: unique("Part Org") });
    const recorded = await recordConstraint(analyst, "MLI", {
      kind: "LICENCE_REVOKED",
      status: "EXPELLED",
      occurredOn: "2025-01-10",
      datePrecision: "DAY",
      summary: "The licence of the organisation is withdrawn by decree.",
      confidence: "CONFIRMED",
      organisationIds: [a.organisationId],
      sources: [{ publisher: "Test Wire", title: "Licence withdrawn" }],
      draft: true,
    });
    expect(recorded.reviewState).toBe("DRAFT");
    expect((await prisma.presence.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("OPERATING");
    const part = recorded.presences[0]!.eventId;
    await expect(publishEvent(secondAnalyst, part, { version: 1 })).rejects.toMatchObject({ code: "invalid_input" });
    const version = (await prisma.accessEvent.findUniqueOrThrow({ where: { id: recorded.eventId } })).version;
    await publishEvent(secondAnalyst, recorded.eventId, { version });
    expect((await prisma.presence.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("EXPELLED");
    expect((await prisma.accessEvent.findUniqueOrThrow({ where: { id: part } })).reviewState).toBe("PUBLISHED");

    const discarded = await recordPresenceEvent(analyst, a.id, {
      kind: "OTHER",
      occurredOn: "2025-02-01",
      datePrecision: "DAY",
      summary: "A draft that turns out to be wrong.",
      confidence: "REPORTED",
      version: (await prisma.presence.findUniqueOrThrow({ where: { id: a.id } })).version,
      sources: [{ publisher: "Test Wire", title: "Wrong" }],
      draft: true,
    });
    await retractEvent(analyst, discarded.eventId, { version: 1, reason: "Recorded by mistake." });
    const timeline = await listTimeline(viewer, { organisationId: a.organisationId }, new Date());
    expect(timeline.events.map((e) => e.id)).not.toContain(discarded.eventId);
  });

  it("with four eyes on, makes every new event a draft that its author cannot publish (403) and another analyst can", async () => {
    process.env.REQUIRE_REVIEW = "true";
    const presence = await seedPresenceWithStatus(analyst, { country: "NER", status: "OPERATING", name: unique("Four Eyes Org") });
    const first = await prisma.accessEvent.findUniqueOrThrow({ where: { id: presence.eventId } });
    expect(first.reviewState).toBe("DRAFT");
    await expect(publishEvent(analyst, first.id, { version: first.version })).rejects.toMatchObject({ code: "forbidden", reason: "fourEyes" });

    const admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
    const authorToken = (await issueApiToken(admin, { name: "author", email: analyst.email })).token;
    const reviewerToken = (await issueApiToken(admin, { name: "reviewer", email: secondAnalyst.email })).token;
    const publish = (token: string) =>
      publishRoute(
        new Request("http://localhost/x", {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ version: first.version }),
        }),
        { params: Promise.resolve({ id: String(first.id) }) },
      );
    const refused = await publish(authorToken);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await refused.json())).toContain("someone other than its author");
    expect((await prisma.presence.findUniqueOrThrow({ where: { id: presence.id } })).status).toBeNull();
    expect((await publish(reviewerToken)).status).toBe(200);
    expect((await prisma.presence.findUniqueOrThrow({ where: { id: presence.id } })).status).toBe("OPERATING");

    // The API's `draft: false` does not get round it: still a draft.
    const current = await prisma.presence.findUniqueOrThrow({ where: { id: presence.id } });
    const response = await presenceEventRoute(
      new Request("http://localhost/x", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${authorToken}` },
        body: JSON.stringify({ ...statusChange(current.version), draft: false }),
      }),
      { params: Promise.resolve({ id: String(presence.id) }) },
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ reviewState: "DRAFT" });
  });
});
