// Server-side tables against real PostgreSQL: filters, sorts, pages and cursors return
// exactly the expected rows, and the SQL status rule agrees with projectPresence().
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db, type PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { listTableAfter, listTablePage } from "@/lib/data/tables";
import { encodeCursor } from "@/lib/domain/tables/cursor";
import { parseTableQuery } from "@/lib/domain/tables/query";
import { STATUS_SEVERITY, type Status } from "@/lib/domain/vocabulary";
import { refreshProjections, seedUser } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";
import { ForbiddenError, InvalidCursorError, UnauthenticatedError } from "@/lib/domain/errors";
import { expectedCountryPresences } from "../support/presence-oracle";

const now = new Date("2026-11-23T12:00:00Z");
const query = <T extends "organisations" | "presences" | "events" | "audit">(table: T, params: Record<string, string> = {}) =>
  parseTableQuery(table, params, now);

describe("tables on the seeded Niger data", () => {
  let viewer: Actor;
  beforeAll(async () => {
    viewer = (await seedUser(db(), { role: "VIEWER" })).actor;
  });

  it("refuses anonymous callers, and the audit log to viewers", async () => {
    await expect(listTablePage(null, query("presences"))).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(listTablePage(viewer, query("audit"))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("filters presences by country and status, sorted by organisation", async () => {
    const page = await listTablePage(viewer, query("presences", { country: "ner", status: "EXPELLED", sort: "organisation", dir: "asc" }));
    expect(page.total).toBe(6);
    expect(page.rows.map((r) => r.organisationName)).toEqual([
      "Acted",
      "APBE",
      "Embassy of France in Niger",
      "French Armed Forces",
      "International Committee of the Red Cross",
      "United States Armed Forces",
    ]);
    const icrc = page.rows.find((r) => r.organisationAcronym === "ICRC")!;
    expect(icrc).toMatchObject({ status: "EXPELLED", since: "2025-01-31", sincePrecision: "DAY", countryIso3: "NER", countryName: "Niger" });
    expect(icrc.sources.length).toBeGreaterThan(0);
  });

  it("computes the status as of a past date: the ICRC operating on 2025-01-15, expelled on 2025-02-10", async () => {
    const before = await listTablePage(viewer, query("presences", { q: "ICRC", asOf: "2025-01-15" }));
    expect(before.rows.map((r) => [r.organisationAcronym, r.status])).toEqual([["ICRC", "OPERATING"]]);
    const after = await listTablePage(viewer, query("presences", { q: "ICRC", asOf: "2025-02-10" }));
    expect(after.rows.map((r) => [r.organisationAcronym, r.status, r.since])).toEqual([["ICRC", "EXPELLED", "2025-01-31"]]);
  });

  it("agrees with the domain projection for every Niger presence, today and in the past", async () => {
    for (const asOf of ["2024-06-30", "2025-01-15", "2025-03-01", undefined]) {
      const expected = await expectedCountryPresences(db(), "NER", asOf ? new Date(`${asOf}T00:00:00Z`) : undefined);
      const page = await listTablePage(viewer, query("presences", { country: "NER", ...(asOf ? { asOf } : {}) }));
      const byId = new Map(page.rows.map((r) => [r.id, r]));
      expect(page.total, asOf).toBe(expected.length);
      for (const e of expected) {
        const row = byId.get(e.presenceId)!;
        expect([row.status, row.since, row.sincePrecision, row.peopleAffected, row.disputed], `${e.organisation.name} ${asOf}`).toEqual([
          e.status,
          e.since!.toISOString().slice(0, 10),
          e.sincePrecision,
          e.peopleAffected,
          e.disputed,
        ]);
        expect(row.sources.map((s) => s.id).sort(), e.organisation.name).toEqual(e.sources.map((s) => s.sourceId).sort());
      }
    }
  });

  it("filters events by kind, confidence and date range, newest first", async () => {
    const page = await listTablePage(viewer, query("events", { country: "NER", from: "2025-01-01", to: "2025-12-31", confidence: "CONFIRMED" }));
    const dates = page.rows.map((r) => r.occurredOn);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(page.rows.every((r) => r.confidence === "CONFIRMED" && r.occurredOn >= "2025-01-01")).toBe(true);
    expect(page.rows.some((r) => r.summary.length > 0 && r.sources.length > 0)).toBe(true);
    const orders = await listTablePage(viewer, query("events", { kind: "AGREEMENT_TERMINATED" }));
    expect(orders.rows.map((r) => r.organisationAcronym)).toContain("ICRC");
    expect(orders.rows.every((r) => r.kind === "AGREEMENT_TERMINATED")).toBe(true);
  });

  it("walks presences most severe first through the API cursor, every row once", async () => {
    const q = query("presences", { sort: "status", dir: "desc" });
    const seen: { id: number; status: string }[] = [];
    let cursor: string | null = null;
    do {
      const slice: Awaited<ReturnType<typeof listTableAfter<"presences">>> = await listTableAfter(viewer, q, cursor, 2);
      seen.push(...slice.rows.map((r) => ({ id: r.id, status: r.status })));
      cursor = slice.nextCursor;
    } while (cursor);
    const all = await listTablePage(viewer, query("presences", { size: "200" }));
    expect(seen.map((r) => r.id)).toEqual(all.rows.map((r) => r.id));
    expect(new Set(seen.map((r) => r.id)).size).toBe(all.total);
    const severities = seen.map((r) => STATUS_SEVERITY[r.status as Status]);
    expect(severities).toEqual([...severities].sort((a, b) => b - a));
    expect(new Set(seen.map((r) => r.status))).toEqual(new Set(["EXPELLED", "OPERATING"]));
  });

  it("counts each organisation's countries by status, and filters on one presence", async () => {
    const page = await listTablePage(viewer, query("organisations", { country: "NER", status: "OPERATING" }));
    expect(page.rows.map((r) => [r.acronym, r.countries, r.operating, r.expelled])).toEqual([["Russian forces", 1, 1, 0]]);
  });
});

describe("sorting, paging and cursors on a known fixture", () => {
  let prisma: PrismaClient;
  let restore: () => Promise<void>;
  let analyst: Actor;
  const names = ["Alpha Aid", "beta relief", "Gamma Health", "Delta Water", '=HYPERLINK("http://evil")', "Épsilon Médecins", "منظمة الإغاثة"];

  beforeAll(async () => {
    const database = useDatabase(await createFreshDatabase(inject("serverUrl")));
    ({ prisma, restore } = database);
    await prisma.country.createMany({
      data: [
        { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" },
        { iso3: "MLI", iso2: "ML", nameEn: "Mali", nameFr: "Mali", region: "Africa" },
      ],
    });
    analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
    for (const [index, name] of names.entries()) {
      const org = await prisma.organisation.create({ data: { name, type: index % 2 ? "INGO" : "UN_AGENCY" } });
      const presence = await prisma.presence.create({ data: { organisationId: org.id, countryIso3: index % 3 ? "NER" : "MLI" } });
      await prisma.accessEvent.create({
        data: {
          presenceId: presence.id,
          countryIso3: presence.countryIso3,
          kind: "ARRIVAL",
          resultingStatus: "OPERATING",
          occurredOn: new Date(Date.UTC(2020, index, 1)),
          datePrecision: "MONTH",
          summary: `${name} arrives`,
          peopleAffected: index * 1000,
          confidence: "CONFIRMED",
        },
      });
    }
    await refreshProjections(prisma);
  });
  afterAll(() => restore());

  it("pages through presences sorted by people affected, with the total on every page", async () => {
    const first = await listTablePage(analyst, query("presences", { sort: "peopleAffected", dir: "desc", size: "3" }));
    const third = await listTablePage(analyst, query("presences", { sort: "peopleAffected", dir: "desc", size: "3", page: "3" }));
    expect(first.total).toBe(7);
    expect(first.rows.map((r) => r.peopleAffected)).toEqual([6000, 5000, 4000]);
    expect(third.rows.map((r) => r.peopleAffected)).toEqual([0]);
  });

  it("walks the API cursor through every row exactly once, in order", async () => {
    const q = query("presences", { sort: "organisation", dir: "asc", size: "2" });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const slice: Awaited<ReturnType<typeof listTableAfter<"presences">>> = await listTableAfter(analyst, q, cursor, 2);
      seen.push(...slice.rows.map((r) => r.organisationName));
      cursor = slice.nextCursor;
    } while (cursor);
    const all = await listTablePage(analyst, query("presences", { sort: "organisation", dir: "asc", size: "200" }));
    expect(seen).toEqual(all.rows.map((r) => r.organisationName));
    expect(new Set(seen).size).toBe(7);
  });

  it("refuses a cursor made for another sort, or a forged one", async () => {
    const first = await listTableAfter(analyst, query("presences", { sort: "organisation" }), null, 2);
    await expect(listTableAfter(analyst, query("presences", { sort: "since" }), first.nextCursor, 2)).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(listTableAfter(analyst, query("presences"), "not-a-cursor", 2)).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it("refuses a hand-edited cursor whose value does not fit the sort, before it reaches SQL", async () => {
    const forged: [Record<string, string>, string | number, number][] = [
      [{ sort: "status", dir: "desc" }, "BANISHED", 1],
      [{ sort: "since", dir: "desc" }, "2024-02-31", 1],
      [{ sort: "since", dir: "desc" }, "yesterday", 1],
      [{ sort: "peopleAffected", dir: "desc" }, "many", 1],
      [{ sort: "peopleAffected", dir: "desc" }, 2 ** 40, 1],
      [{ sort: "organisation", dir: "asc" }, "Alpha\u0000", 1],
      [{ sort: "organisation", dir: "asc" }, "Alpha", 2 ** 40],
    ];
    for (const [params, value, id] of forged) {
      const q = query("presences", params);
      await expect(listTableAfter(analyst, q, encodeCursor(q.sort, { value, id }), 2), JSON.stringify([params, value, id])).rejects.toBeInstanceOf(
        InvalidCursorError,
      );
    }
    const audit = query("audit", { sort: "createdAt", dir: "desc" });
    await expect(listTableAfter(analyst, audit, encodeCursor(audit.sort, { value: "2026-13-01 00:00:00", id: 1 }), 2)).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
    // A well-formed value of the right type is accepted.
    const valid = query("presences", { sort: "status", dir: "desc" });
    const slice = await listTableAfter(analyst, valid, encodeCursor(valid.sort, { value: "OPERATING", id: 2 ** 31 - 1 }), 10);
    expect(slice.rows.length).toBeGreaterThan(0);
    expect(slice.rows.every((r) => r.status === "OPERATING")).toBe(true);
  });

  it("finds Unicode names by free text, and takes % and _ literally", async () => {
    const accents = await listTablePage(analyst, query("organisations", { q: "médecins" }));
    expect(accents.rows.map((r) => r.name)).toEqual(["Épsilon Médecins"]);
    const arabic = await listTablePage(analyst, query("organisations", { q: "الإغاثة" }));
    expect(arabic.rows.map((r) => r.name)).toEqual(["منظمة الإغاثة"]);
    expect((await listTablePage(analyst, query("organisations", { q: "%" }))).total).toBe(0);
  });

  it("ignores accents and case in every table's search, both ways", async () => {
    for (const q of ["medecins", "MÉDECINS", "epsilon"]) {
      expect(
        (await listTablePage(analyst, query("organisations", { q }))).rows.map((r) => r.name),
        q,
      ).toEqual(["Épsilon Médecins"]);
      expect(
        (await listTablePage(analyst, query("presences", { q }))).rows.map((r) => r.organisationName),
        q,
      ).toEqual(["Épsilon Médecins"]);
      expect(
        (await listTablePage(analyst, query("events", { q }))).rows.map((r) => r.summary),
        q,
      ).toEqual(["Épsilon Médecins arrives"]);
    }
    // A country by its name without accents, or its code; an event by a word of its summary only.
    expect((await listTablePage(analyst, query("presences", { q: "mali" }))).total).toBe(3);
    expect((await listTablePage(analyst, query("events", { q: "mli" }))).total).toBe(3);
    expect((await listTablePage(analyst, query("events", { q: "ARRIVES" }))).total).toBe(names.length);
  });

  it("lists the audit log for analysts, filtered by action", async () => {
    // Dated before the pinned `now`: the audit table shows entries up to the view date.
    const createdAt = new Date(now.getTime() - 60 * 60 * 1000);
    await prisma.auditEntry.create({
      data: { actorId: analyst.id, action: "export", entityType: "Table", entityId: "events", after: { format: "csv" }, createdAt },
    });
    const page = await listTablePage(analyst, query("audit", { action: "export" }));
    expect(page.rows.map((r) => [r.actorEmail, r.entityId, r.after])).toEqual([[analyst.email, "events", { format: "csv" }]]);
  });

  it("leaves the exports out of the audit log when asked", async () => {
    const createdAt = new Date(now.getTime() - 60 * 60 * 1000);
    await prisma.auditEntry.createMany({
      data: [
        { actorId: analyst.id, action: "export", entityType: "Table", entityId: "presences", createdAt },
        { actorId: analyst.id, action: "organisation.update", entityType: "Organisation", entityId: "4242", createdAt },
      ],
    });
    const all = await listTablePage(analyst, query("audit", { actor: analyst.email }));
    expect(all.rows.some((r) => r.action === "export")).toBe(true);
    const hidden = await listTablePage(analyst, query("audit", { actor: analyst.email, hide: "exports" }));
    expect(hidden.rows.map((r) => r.action)).toContain("organisation.update");
    expect(hidden.rows.some((r) => r.action === "export")).toBe(false);
  });
});

describe("a search that matches thousands of events", () => {
  let prisma: PrismaClient;
  let restore: () => Promise<void>;
  let analyst: Actor;
  const MATCHING = 2_500; // more than the 2,000 from which a page walks the date order (lib/data/tables/index.ts)

  beforeAll(async () => {
    ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
    await prisma.country.create({ data: { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" } });
    analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
    const day = (i: number) => new Date(Date.UTC(2000, 0, 1) + i * 86_400_000);
    await prisma.accessEvent.createMany({
      data: Array.from({ length: MATCHING + 500 }, (_, i) => ({
        countryIso3: "NER",
        kind: "OTHER" as const,
        occurredOn: day(i),
        datePrecision: "DAY" as const,
        summary: i % 6 === 5 ? `Unrelated report ${i}` : `Équipe Médecins report ${i}`,
        confidence: "REPORTED" as const,
      })),
    });
    await refreshProjections(prisma);
  });
  afterAll(() => restore());

  it("finds the same events, newest first, with the right total", async () => {
    const page = await listTablePage(analyst, query("events", { q: "equipe medecins", size: "25" }));
    expect(page.total).toBe(2_500);
    // The newest matching event is number 2,998 (2,999 % 6 === 5 is unrelated).
    expect(page.rows.slice(0, 3).map((r) => r.summary)).toEqual(["Équipe Médecins report 2998", "Équipe Médecins report 2997", "Équipe Médecins report 2996"]);
    expect(page.rows.every((r) => r.summary.startsWith("Équipe Médecins"))).toBe(true);
  });
});
