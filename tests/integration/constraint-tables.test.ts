// Constraints in the events table, the API's items and the exports: filters area, category and
// pillar; an organisation's events include the decrees that name it; areas, concerns and the
// HXL tags (#adm1+code, #adm1+name, #access+category) in the files; as-of leaves later ones out.
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { issueApiToken } from "@/lib/data/api-tokens";
import { recordConstraint } from "@/lib/data/edits/constraints";
import { editEvent, retractEvent } from "@/lib/data/edits/events";
import { constraintsByCountry, constraintsByMonthAndPillar, countryConstraints } from "@/lib/data/constraints";
import { eventsByMonthAndKind } from "@/lib/data/dashboard";
import { parseView, withChartWindow } from "@/lib/domain/view";
import { CONSTRAINT_FROM_EVENTS, CONSTRAINT_SQL } from "@/lib/data/constraints-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { listTablePage } from "@/lib/data/tables";
import { eventItemOf } from "@/lib/api/items";
import { parseTableQuery } from "@/lib/domain/tables/query";
import { GET as exportRoute } from "@/app/api/v1/export/[table]/route";
import { addAreas } from "@/prisma/seed";
import { allCountries } from "@/prisma/seed-data/countries";
import { seedPresenceWithStatus, seedUser } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

process.env.RATE_LIMIT_MULTIPLIER = "1000";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let analyst: Actor;
let token: string;
let escortId: number;
let decreeId: number;
let actedOrg: number;

const source = [{ publisher: "ACAPS", title: "Niger: humanitarian access" }];
const exportText = async (search: string) =>
  (
    await exportRoute(new Request(`http://localhost/api/v1/export/events?${search}`, { headers: { authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({ table: "events" }),
    })
  ).text();

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await prisma.country.createMany({ data: allCountries() });
  await addAreas(prisma);
  const admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
  analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
  token = (await issueApiToken(admin, { name: "tests", email: analyst.email })).token;
  const acted = await seedPresenceWithStatus(analyst, { status: "OPERATING", name: "Acted" });
  const apbe = await seedPresenceWithStatus(analyst, { status: "OPERATING", name: "APBE", type: "NATIONAL_NGO" });
  actedOrg = acted.organisationId;
  escortId = (
    await recordConstraint(analyst, "NER", {
      kind: "RESTRICTION_IMPOSED",
      subtype: "ESCORT_REQUIRED",
      occurredOn: "2025-03-01",
      datePrecision: "MONTH",
      summary: "Escorts required for INGO travel outside Niamey.",
      confidence: "REPORTED",
      areas: ["NE-6", "NE-3"],
      organisationTypes: ["INGO"],
      sources: source,
    })
  ).eventId;
  decreeId = (
    await recordConstraint(analyst, "NER", {
      kind: "LICENCE_REVOKED",
      subtype: "REGISTRATION_WITHDRAWN",
      status: "EXPELLED",
      occurredOn: "2024-11-12",
      datePrecision: "DAY",
      summary: "Decrees withdraw the licences of Acted and APBE.",
      confidence: "CONFIRMED",
      organisationIds: [acted.organisationId, apbe.organisationId],
      sources: source,
    })
  ).eventId;
});
afterAll(() => restore());

const ids = async (params: Record<string, string>) =>
  (await listTablePage(analyst, parseTableQuery("events", { size: "200", ...params }))).rows.map((r) => r.id);

describe("constraints in the events table", () => {
  it("filters by area (any case), by category and by pillar", async () => {
    expect(await ids({ area: "ne-6" })).toEqual([escortId]);
    expect(await ids({ area: "NE-2" })).toEqual([]);
    expect(await ids({ category: "MOVEMENT_RESTRICTIONS" })).toEqual([escortId]);
    const impediments = await ids({ pillar: "HUMANITARIAN_ACCESS_TO_PEOPLE", kind: "LICENCE_REVOKED" });
    // The decree and its two parts, one per presence.
    expect(impediments).toHaveLength(3);
    expect(impediments).toContain(decreeId);
  });

  it("lists under an organisation the decree that names it, and as of an earlier date leaves out what came later", async () => {
    expect(await ids({ organisation: String(actedOrg), kind: "LICENCE_REVOKED" })).toHaveLength(2); // the decree and Acted's part
    expect(await ids({ area: "NE-6", asOf: "2025-02-28" })).toEqual([]);
    expect(await ids({ area: "NE-6", asOf: "2025-03-01" })).toEqual([escortId]);
  });

  it("gives the API's items their areas and whom they concern", async () => {
    const page = await listTablePage(analyst, parseTableQuery("events", { area: "NE-6" }));
    const item = eventItemOf(page.rows[0]!);
    expect(item).toMatchObject({
      organisation: null,
      category: "MOVEMENT_RESTRICTIONS",
      pillar: "HUMANITARIAN_ACCESS_TO_PEOPLE",
      subtype: "ESCORT_REQUIRED",
      areas: [
        { code: "NE-3", name: "Dosso" },
        { code: "NE-6", name: "Tillabéri" },
      ],
      concerns: { organisations: [], organisationTypes: ["INGO"] },
      parentEventId: null,
    });
    const decree = eventItemOf(
      (await listTablePage(analyst, parseTableQuery("events", { q: "Decrees withdraw", kind: "LICENCE_REVOKED" }))).rows.find((r) => r.id === decreeId)!,
    );
    expect(decree.concerns.organisations.map((o) => o.name)).toEqual(["Acted", "APBE"]);
  });

  it("exports areas, concerns and the constraint's columns with their HXL tags", async () => {
    const hxl = parseCsv(await exportText(`format=hxl&area=NE-6&cols=occurredOn,category,pillar,subtype,areas,concerns`)) as string[][];
    const [header, tags, row] = hxl;
    const at = (label: string) => header!.indexOf(label);
    expect(tags![at("Areas")]).toBe("#adm1+name");
    expect(tags![at("Area codes")]).toBe("#adm1+code");
    expect(tags![at("Access constraint")]).toBe("#access+category");
    expect(tags![at("Concerns")]).toBe("#org+name+concerned");
    expect(row![at("Areas")]).toBe("Dosso; Tillabéri");
    expect(row![at("Area codes")]).toBe("NE-3; NE-6");
    expect(row![at("Concerns")]).toBe("Every International NGO in the country");
    expect(row![at("Subtype")]).toBe("Escort required");
    expect(hxl).toHaveLength(3);
  });
});

describe("constraint figures", () => {
  it("count each constraint once, by indicator, area, month and pillar, and per country", async () => {
    const view = parseView({});
    const niger = await countryConstraints(analyst, "NER", view);
    const indicator = (c: string) => niger.indicators.find((i) => i.category === c)!;
    // The decree once (not its two parts), the escorts once; factory status changes are constraints too (interference).
    expect(indicator("IMPEDIMENTS_TO_ENTRY")).toMatchObject({ events: 1, latest: { id: decreeId, occurredOn: "2024-11-12" } });
    expect(indicator("MOVEMENT_RESTRICTIONS")).toMatchObject({ events: 1, latest: { id: escortId } });
    expect(niger.byArea).toEqual({ "NE-3": 1, "NE-6": 1 });
    expect(niger.countryWide).toBe(niger.total - 1);
    expect(niger.indicators.map((i) => i.category)).toHaveLength(9);

    const months = await constraintsByMonthAndPillar(analyst, parseView({ from: "2024-11-01", to: "2025-03-31" }));
    const month = (key: string) => months.rows.find((r) => r.key === key);
    expect(month("2024-11")).toMatchObject({ HUMANITARIAN_ACCESS_TO_PEOPLE: 1 });
    expect(month("2025-03")).toMatchObject({ HUMANITARIAN_ACCESS_TO_PEOPLE: 1 });
    expect((await constraintsByCountry(analyst, view)).NER).toBe(niger.total);
  });

  it("narrow the overview's event charts by category, pillar and area, and leave out later events as of a date", async () => {
    const inTillaberi = await eventsByMonthAndKind(analyst, parseView({ area: "ne-6", from: "2025-01-01", to: "2025-12-31" }));
    expect(inTillaberi.rows.filter((r) => Number(r.RESTRICTION_IMPOSED ?? 0) > 0).map((r) => [r.key, r.RESTRICTION_IMPOSED])).toEqual([["2025-03", 1]]);
    const movement = await constraintsByCountry(analyst, parseView({ category: "MOVEMENT_RESTRICTIONS" }));
    expect(movement).toEqual({ NER: 1 });
    expect(await constraintsByCountry(analyst, parseView({ pillar: "SECURITY_AND_PHYSICAL" }))).toEqual({});
    expect(await constraintsByCountry(analyst, parseView({ region: "Europe" }))).toEqual({});
    expect(Object.keys(await constraintsByCountry(analyst, parseView({ region: "Africa" })))).toEqual(["NER"]);
    expect(await constraintsByCountry(analyst, parseView({ category: "MOVEMENT_RESTRICTIONS", asOf: "2025-02-28" }))).toEqual({});
  });
});

describe("the constraint totals", () => {
  it("stay equal to a recount from the events through constraints, edits and retractions", async () => {
    const recount = async () =>
      (
        await prisma.$queryRaw<{ row: string }[]>`
          SELECT concat_ws('|', month, "countryIso3", category, n) AS row FROM (
            SELECT to_char(date_trunc('month', "occurredOn"), 'YYYY-MM') AS month, "countryIso3", category, count(*) AS n
            FROM "AccessEvent" WHERE "reviewState" = 'PUBLISHED' AND category IS NOT NULL AND "parentEventId" IS NULL GROUP BY 1, 2, 3) c ORDER BY 1`
      ).map((r) => r.row);
    const totals = async () =>
      (
        await prisma.$queryRaw<{ row: string }[]>`
          SELECT concat_ws('|', to_char(month, 'YYYY-MM'), "countryIso3", category, events) AS row FROM "ConstraintMonthTotal" WHERE events <> 0 ORDER BY 1`
      ).map((r) => r.row);
    // Every figure read from the totals equals the same grouped from the events, and every
    // other constraint projection equals its recount (written out here).
    const expectFiguresFromEvents = async () => {
      const rows = async (sql: Prisma.Sql) =>
        (await prisma.$queryRaw<Record<string, unknown>[]>(sql)).map((r) => JSON.stringify(Object.entries(r).sort())).sort();
      const views = [{}, { asOf: "2025-03-15" }, { from: "2025-03-10" }, { from: "2024-11-01", to: "2025-04-05" }, { asOf: "2025-04-30" }];
      for (const params of views) {
        const view = parseView(params);
        const where = JSON.stringify(params);
        expect(await rows(CONSTRAINT_SQL.byCategory("NER", view)), where).toEqual(await rows(CONSTRAINT_FROM_EVENTS.byCategory("NER", view)));
        expect(await rows(CONSTRAINT_SQL.byArea("NER", view)), where).toEqual(await rows(CONSTRAINT_FROM_EVENTS.byArea("NER", view)));
        for (const place of [{}, { country: "NER" }, { region: "Africa" }, { category: "INTERFERENCE" as const }]) {
          const charts = { ...withChartWindow(view), ...place };
          expect(await rows(CONSTRAINT_SQL.byMonthAndPillar(charts)), where).toEqual(await rows(CONSTRAINT_FROM_EVENTS.byMonthAndPillar(charts)));
          expect(await rows(CONSTRAINT_SQL.byCountry({ ...view, ...place })), where).toEqual(
            await rows(CONSTRAINT_FROM_EVENTS.byCountry({ ...view, ...place })),
          );
        }
      }
      const recounted = (sql: Prisma.Sql) => prisma.$queryRaw<unknown[]>(sql);
      expect(
        await recounted(
          Prisma.sql`SELECT to_char(month, 'YYYY-MM') AS m, "countryIso3", category::text, located FROM "ConstraintMonthTotal" WHERE events <> 0 ORDER BY 1, 2, 3`,
        ),
      ).toEqual(
        await recounted(Prisma.sql`
          SELECT to_char(date_trunc('month', "occurredOn"), 'YYYY-MM') AS m, "countryIso3", category::text,
                 count(*) FILTER (WHERE id IN (SELECT "eventId" FROM "EventArea"))::int AS located
          FROM "AccessEvent" WHERE "reviewState" = 'PUBLISHED' AND category IS NOT NULL AND "parentEventId" IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
      );
      expect(
        await recounted(
          Prisma.sql`SELECT "countryIso3", to_char(month, 'YYYY-MM') AS m, "areaCode", events FROM "ConstraintAreaMonthTotal" WHERE events <> 0 ORDER BY 1, 2, 3`,
        ),
      ).toEqual(
        await recounted(Prisma.sql`
          SELECT e."countryIso3", to_char(date_trunc('month', e."occurredOn"), 'YYYY-MM') AS m, ea."areaCode", count(*)::int AS events
          FROM "AccessEvent" e JOIN "EventArea" ea ON ea."eventId" = e.id
          WHERE e."reviewState" = 'PUBLISHED' AND e.category IS NOT NULL AND e."parentEventId" IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
      );
      expect(
        await recounted(
          Prisma.sql`SELECT to_char(month, 'YYYY-MM') AS m, category::text, events FROM "ConstraintCategoryMonthTotal" WHERE events <> 0 ORDER BY 1, 2`,
        ),
      ).toEqual(
        await recounted(Prisma.sql`
          SELECT to_char(date_trunc('month', "occurredOn"), 'YYYY-MM') AS m, category::text, count(*)::int AS events
          FROM "AccessEvent" WHERE "reviewState" = 'PUBLISHED' AND category IS NOT NULL AND "parentEventId" IS NULL GROUP BY 1, 2 ORDER BY 1, 2`),
      );
      expect(await recounted(Prisma.sql`SELECT "countryIso3", category::text, events FROM "ConstraintCountryTotal" WHERE events <> 0 ORDER BY 1, 2`)).toEqual(
        await recounted(Prisma.sql`
          SELECT "countryIso3", category::text, count(*)::int AS events
          FROM "AccessEvent" WHERE "reviewState" = 'PUBLISHED' AND category IS NOT NULL AND "parentEventId" IS NULL GROUP BY 1, 2 ORDER BY 1, 2`),
      );
    };
    expect(await totals()).toEqual(await recount());
    expect(await totals()).toContain("2025-03|NER|MOVEMENT_RESTRICTIONS|1");
    await expectFiguresFromEvents();
    const edited = await editEvent(analyst, escortId, { version: 1, category: "INTERFERENCE", subtype: null, occurredOn: "2025-04-02", datePrecision: "DAY" });
    expect(await totals()).toContain("2025-04|NER|INTERFERENCE|1");
    expect(await totals()).not.toContain("2025-03|NER|MOVEMENT_RESTRICTIONS|1");
    expect(await totals()).toEqual(await recount());
    await expectFiguresFromEvents();
    await retractEvent(analyst, escortId, { version: edited.version, reason: "Recorded twice by mistake in this test." });
    expect(await totals()).toEqual(await recount());
    expect(await totals()).not.toContain("2025-04|NER|INTERFERENCE|1");
    await expectFiguresFromEvents();
  });
});
