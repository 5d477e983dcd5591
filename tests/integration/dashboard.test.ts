// Aggregation queries against real PostgreSQL with a small, known fixture: exact numbers.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { eventsByMonthAndKind, headlineFigures, mapData, peopleAffectedByMonth, statusByCountry, statusByOrganisationType } from "@/lib/data/dashboard";
import { listTablePage } from "@/lib/data/tables";
import { parseTableQuery } from "@/lib/domain/tables/query";
import { parseView } from "@/lib/domain/view";
import type { EventKind, Status } from "@/lib/domain/vocabulary";
import { createFreshDatabase, useDatabase } from "../support/test-database";
import { refreshProjections, seedUser } from "../support/factories";
import { UnauthenticatedError } from "@/lib/domain/errors";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let actor: Actor;
const view = (params: Record<string, string>) => parseView(params, new Date("2026-11-23T00:00:00Z"));

async function presence(
  org: { name: string; type: "INGO" | "UN_AGENCY" | "NATIONAL_NGO" },
  iso3: string,
  events: [string, "DAY" | "MONTH" | "YEAR", EventKind, Status | null, number | null, ("DRAFT" | "PUBLISHED")?][],
) {
  const organisation = (await prisma.organisation.findFirst({ where: { name: org.name } })) ?? (await prisma.organisation.create({ data: org }));
  const row = await prisma.presence.create({ data: { organisationId: organisation.id, countryIso3: iso3 } });
  for (const [date, precision, kind, status, people, state] of events) {
    await prisma.accessEvent.create({
      data: {
        presenceId: row.id,
        countryIso3: iso3,
        kind,
        resultingStatus: status,
        occurredOn: new Date(`${date}T00:00:00Z`),
        datePrecision: precision,
        summary: "fixture",
        peopleAffected: people,
        confidence: "CONFIRMED",
        reviewState: state ?? "PUBLISHED",
      },
    });
  }
}

beforeAll(async () => {
  // The data layer's db() and pool() use the fixture database until restore().
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await prisma.country.createMany({
    data: [
      { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" },
      { iso3: "MLI", iso2: "ML", nameEn: "Mali", nameFr: "Mali", region: "Africa" },
      { iso3: "FRA", iso2: "FR", nameEn: "France", nameFr: "France", region: "Europe" },
    ],
  });
  await presence({ name: "Org A", type: "INGO" }, "NER", [
    ["2020-01-01", "DAY", "ARRIVAL", "OPERATING", null],
    ["2024-06-15", "DAY", "RESTRICTION_IMPOSED", "RESTRICTED", 100],
    ["2025-02-01", "DAY", "LICENCE_REVOKED", "EXPELLED", 1000],
  ]);
  await presence({ name: "Org B", type: "UN_AGENCY" }, "NER", [["2019-01-01", "YEAR", "ARRIVAL", "OPERATING", null]]);
  await presence({ name: "Org B", type: "UN_AGENCY" }, "MLI", [
    ["2021-03-01", "MONTH", "ARRIVAL", "OPERATING", null],
    ["2024-12-10", "DAY", "ORDER_TO_LEAVE", "EXPELLED", 50],
  ]);
  await presence({ name: "Org C", type: "NATIONAL_NGO" }, "MLI", [
    ["2022-05-05", "DAY", "ARRIVAL", "OPERATING", null],
    ["2025-01-20", "DAY", "RESTRICTION_IMPOSED", "RESTRICTED", 7, "DRAFT"],
  ]);
  await presence({ name: "Org D", type: "INGO" }, "FRA", [["2023-01-01", "DAY", "ARRIVAL", "OPERATING", null]]);
  await prisma.accessEvent.create({
    data: {
      countryIso3: "NER",
      kind: "RESTRICTION_IMPOSED",
      occurredOn: new Date("2024-01-01T00:00:00Z"),
      datePrecision: "MONTH",
      summary: "country-wide",
      confidence: "REPORTED",
    },
  });
  actor = (await seedUser(prisma, { role: "VIEWER" })).actor;
  await refreshProjections(prisma);
});

afterAll(() => restore());

describe("dashboard aggregations", () => {
  it("refuses anonymous callers", async () => {
    await expect(headlineFigures(null, view({}))).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(mapData(null, view({}))).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("computes the headline figures as of a date", async () => {
    expect(await headlineFigures(actor, view({ asOf: "2025-01-15" }))).toEqual({
      presencesByStatus: { OPERATING: 3, RESTRICTED: 1, EXPELLED: 1 },
      countriesWithExpulsion: 1,
      peopleAffectedLast12Months: 150,
    });
    expect(await headlineFigures(actor, view({ asOf: "2025-03-01" }))).toEqual({
      presencesByStatus: { OPERATING: 3, RESTRICTED: 0, EXPELLED: 2 },
      countriesWithExpulsion: 2,
      peopleAffectedLast12Months: 1150,
    });
    expect((await headlineFigures(actor, view({ asOf: "2018-01-01" }))).presencesByStatus).toEqual({ OPERATING: 0, RESTRICTED: 0, EXPELLED: 0 });
  });

  it("applies region, type and status filters", async () => {
    expect((await headlineFigures(actor, view({ asOf: "2025-03-01", region: "Africa" }))).presencesByStatus).toEqual({
      OPERATING: 2,
      RESTRICTED: 0,
      EXPELLED: 2,
    });
    expect((await headlineFigures(actor, view({ asOf: "2025-03-01", type: "INGO" }))).presencesByStatus).toEqual({ OPERATING: 1, RESTRICTED: 0, EXPELLED: 1 });
    const expelledOnly = await headlineFigures(actor, view({ asOf: "2025-03-01", status: "EXPELLED" }));
    expect(expelledOnly.presencesByStatus).toEqual({ OPERATING: 0, RESTRICTED: 0, EXPELLED: 2 });
    expect(expelledOnly.peopleAffectedLast12Months).toBe(1050);
  });

  it("ranks countries by restrictions, with status counts", async () => {
    expect(await statusByCountry(actor, view({ asOf: "2025-03-01" }))).toEqual([
      { iso3: "MLI", name: "Mali", OPERATING: 1, RESTRICTED: 0, EXPELLED: 1 },
      { iso3: "NER", name: "Niger", OPERATING: 1, RESTRICTED: 0, EXPELLED: 1 },
      { iso3: "FRA", name: "France", OPERATING: 1, RESTRICTED: 0, EXPELLED: 0 },
    ]);
  });

  it("counts organisations by type and status", async () => {
    expect(await statusByOrganisationType(actor, view({ asOf: "2025-03-01" }))).toEqual([
      { key: "INGO", OPERATING: 1, RESTRICTED: 0, EXPELLED: 1 },
      { key: "NATIONAL_NGO", OPERATING: 1, RESTRICTED: 0, EXPELLED: 0 },
      { key: "UN_AGENCY", OPERATING: 1, RESTRICTED: 0, EXPELLED: 1 },
    ]);
  });

  it("sums people affected per month by resulting status, drafts excluded", async () => {
    const { rows, first, last, ranged } = await peopleAffectedByMonth(actor, view({ asOf: "2025-03-01", from: "2024-01-01" }));
    // From the range's start to the view date, every month.
    expect({ first, last, ranged, months: rows.length }).toEqual({ first: "2024-01", last: "2025-03", ranged: true, months: 15 });
    expect(rows.find((r) => r.key === "2024-05")).toEqual({ key: "2024-05", OPERATING: 0, RESTRICTED: 0, EXPELLED: 0 });
    expect(rows.find((r) => r.key === "2024-06")).toEqual({ key: "2024-06", OPERATING: 0, RESTRICTED: 100, EXPELLED: 0 });
    expect(rows.find((r) => r.key === "2024-12")).toEqual({ key: "2024-12", OPERATING: 0, RESTRICTED: 0, EXPELLED: 50 });
    expect(rows.find((r) => r.key === "2025-02")).toEqual({ key: "2025-02", OPERATING: 0, RESTRICTED: 0, EXPELLED: 1000 });
    expect(rows.find((r) => r.key === "2025-01")).toMatchObject({ RESTRICTED: 0 }); // the draft of 20 Jan
  });

  it("counts events per month by kind, country-wide events included", async () => {
    const { rows } = await eventsByMonthAndKind(actor, view({ asOf: "2025-03-01", from: "2024-01-01", to: "2024-12-31" }));
    expect(rows.map((r) => r.key)).toEqual([
      "2024-01",
      "2024-02",
      "2024-03",
      "2024-04",
      "2024-05",
      "2024-06",
      "2024-07",
      "2024-08",
      "2024-09",
      "2024-10",
      "2024-11",
      "2024-12",
    ]);
    expect(rows[0]).toMatchObject({ RESTRICTION_IMPOSED: 1, ORDER_TO_LEAVE: 0 });
    expect(rows[5]).toMatchObject({ RESTRICTION_IMPOSED: 1 });
    expect(rows[11]).toMatchObject({ ORDER_TO_LEAVE: 1, LICENCE_REVOKED: 0 });
    // A type filter leaves out country-wide events, which belong to no organisation.
    const ingo = await eventsByMonthAndKind(actor, view({ asOf: "2025-03-01", from: "2024-01-01", to: "2024-12-31", type: "INGO" }));
    expect(ingo.rows.filter((r) => r.RESTRICTION_IMPOSED || r.ORDER_TO_LEAVE || r.ARRIVAL).map((r) => r.key)).toEqual(["2024-06"]);
  });

  it("charts, without a range, from the first event in view to the view date's month", async () => {
    const all = await eventsByMonthAndKind(actor, view({ asOf: "2025-03-01" }));
    expect({ first: all.first, last: all.last, ranged: all.ranged, months: all.rows.length }).toEqual({
      first: "2019-01",
      last: "2025-03",
      ranged: false,
      months: 75,
    });
    expect(all.rows[0]).toMatchObject({ key: "2019-01", ARRIVAL: 1 });
    // France's only event is in January 2023: at least twelve months are shown, up to the view date.
    const europe = await eventsByMonthAndKind(actor, view({ asOf: "2023-06-10", region: "Europe" }));
    expect({ first: europe.first, last: europe.last }).toEqual({ first: "2022-07", last: "2023-06" });
  });

  it("colours the map by the most severe status per country", async () => {
    const map = await mapData(actor, view({ asOf: "2025-01-15" }));
    expect(Object.fromEntries(map.map((m) => [m.iso3, m.worst]))).toEqual({ MLI: "EXPELLED", NER: "RESTRICTED", FRA: "OPERATING" });
  });

  it("gives a country's presences as of a date, with 'since' from that date's view, as the country page shows them", async () => {
    const page = await listTablePage(actor, parseTableQuery("presences", { country: "NER", asOf: "2025-01-15" }));
    expect(page.rows.map((r) => [r.organisationName, r.status, r.since, r.peopleAffected])).toEqual([
      ["Org A", "RESTRICTED", "2024-06-15", 100],
      ["Org B", "OPERATING", "2019-01-01", null],
    ]);
  });
});
