// Status changes: one transaction of event + status + audit, guarded by the version; stale
// and concurrent edits refused; backdated events never hide newer ones; bad input writes nothing.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ZodError } from "zod";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { changeStatus } from "@/lib/data/edits/status-change";
import { seedPresence, seedUser, unique } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/domain/errors";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let analyst: Actor;
let viewer: Actor;

const change = (overrides: Record<string, unknown> = {}) => ({
  status: "RESTRICTED",
  kind: "RESTRICTION_IMPOSED",
  occurredOn: "2026-01-10",
  datePrecision: "DAY",
  summary: "Authorities suspend field travel for all INGO staff.",
  peopleAffected: 12000,
  confidence: "REPORTED",
  version: 1,
  sources: [
    { publisher: "Reuters", title: "Niger restricts NGO travel", url: "https://example.org/r", publishedOn: "2026-01-11", quote: "All travel is suspended." },
  ],
  ...overrides,
});

async function newPresence(): Promise<number> {
  return (await seedPresence(analyst, { name: unique("Médecins Sans Frontières") })).id;
}

async function counts() {
  const [events, sources, audits, links] = await Promise.all([
    prisma.accessEvent.count(),
    prisma.source.count(),
    prisma.auditEntry.count(),
    prisma.eventSource.count(),
  ]);
  return { events, sources, audits, links };
}

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await prisma.country.create({ data: { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" } });
  analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
  viewer = (await seedUser(prisma, { role: "VIEWER" })).actor;
});
afterAll(() => restore());

describe("changeStatus", () => {
  it("creates the event with its sources, updates the status and version, and audits it, together", async () => {
    const id = await newPresence();
    const result = await changeStatus(analyst, id, change());
    expect(result.presence).toMatchObject({ version: 2, status: "RESTRICTED", since: "2026-01-10" });
    const event = await prisma.accessEvent.findUniqueOrThrow({ where: { id: result.eventId }, include: { sources: { include: { source: true } } } });
    expect(event).toMatchObject({ authorId: analyst.id, reviewState: "PUBLISHED", peopleAffected: 12000 });
    expect(event.sources.map((s) => [s.source.publisher, s.quote])).toEqual([["Reuters", "All travel is suspended."]]);
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { entityType: "Presence", entityId: String(id), action: "presence.statusChange" } });
    expect(audit).toMatchObject({
      actorId: analyst.id,
      action: "presence.statusChange",
      before: { status: null, version: 1 },
      after: { status: "RESTRICTED", version: 2 },
    });
  });

  it("reuses an existing source, and places a month-precision date at the start of its month", async () => {
    const id = await newPresence();
    const source = await prisma.source.create({ data: { publisher: "AFP", title: "Existing report" } });
    const result = await changeStatus(
      analyst,
      id,
      change({ occurredOn: "2025-11-20", datePrecision: "MONTH", sources: [{ sourceId: source.id, quote: "cited" }] }),
    );
    expect(result.presence.since).toBe("2025-11-01");
    expect(await prisma.eventSource.findMany({ where: { eventId: result.eventId } })).toEqual([
      { eventId: result.eventId, sourceId: source.id, quote: "cited", claim: null },
    ]);
  });

  it("refuses a stale version with the current state, writing nothing", async () => {
    const id = await newPresence();
    await changeStatus(analyst, id, change());
    const before = await counts();
    const error = await changeStatus(analyst, id, change({ status: "EXPELLED", kind: "ORDER_TO_LEAVE" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).conflict).toMatchObject({
      record: "presence",
      now: { version: 2, status: "RESTRICTED", lastChange: { summary: expect.stringContaining("field travel") } },
    });
    expect(await counts()).toEqual(before);
  });

  it("lets exactly one of 20 simultaneous changes with the same version through", async () => {
    const id = await newPresence();
    const before = await counts();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => changeStatus(analyst, id, change())));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r.reason).toBeInstanceOf(ConflictError);
    const after = await counts();
    expect([after.events - before.events, after.audits - before.audits]).toEqual([1, 1]);
  });

  it("keeps the newer status when a backdated event is added", async () => {
    const id = await newPresence();
    await changeStatus(analyst, id, change({ status: "EXPELLED", kind: "ORDER_TO_LEAVE", occurredOn: "2026-02-01" }));
    const result = await changeStatus(analyst, id, change({ status: "OPERATING", kind: "ARRIVAL", occurredOn: "2015-03-01", version: 2 }));
    expect(result.presence).toMatchObject({ status: "EXPELLED", since: "2026-02-01", version: 3 });
  });

  it("refuses viewers and anonymous callers, and unknown presences, writing nothing", async () => {
    const id = await newPresence();
    const before = await counts();
    await expect(changeStatus(viewer, id, change())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeStatus(null, id, change())).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(changeStatus(analyst, 999_999, change())).rejects.toBeInstanceOf(NotFoundError);
    expect(await counts()).toEqual(before);
  });

  it("refuses bad input field by field, writing nothing", async () => {
    const id = await newPresence();
    const before = await counts();
    const bad: [Record<string, unknown>, string][] = [
      [{ status: "GONE" }, "status"],
      [{ occurredOn: "2999-01-01" }, "occurredOn"],
      [{ occurredOn: "2025-02-30" }, "occurredOn"],
      [{ summary: "<script>alert(1)</script> expelled from the country" }, "summary"],
      [{ summary: "short" }, "summary"],
      [{ peopleAffected: -5 }, "peopleAffected"],
      [{ peopleAffected: 1.5 }, "peopleAffected"],
      [{ sources: [] }, "sources"],
      [{ sources: [{ publisher: "X", title: "Y", url: "javascript:alert(1)" }] }, "sources.0"],
      [{ sources: [{ sourceId: 987654 }] }, "sources"],
      [{ role: "ADMIN" }, ""],
    ];
    for (const [overrides, path] of bad) {
      const error = await changeStatus(analyst, id, change(overrides)).catch((e: unknown) => e);
      expect(error, JSON.stringify(overrides)).toBeInstanceOf(ZodError);
      expect(
        (error as ZodError).issues.map((i) => i.path.join(".")).some((p) => p.startsWith(path)),
        JSON.stringify(overrides),
      ).toBe(true);
    }
    expect(await counts()).toEqual(before);
  });
});
