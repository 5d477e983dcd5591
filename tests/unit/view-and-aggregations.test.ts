import { describe, expect, it } from "vitest";
import { monthRange, mostSevereStatus, pivot, rankByRestriction, summariseStatusCounts, type StatusCountRow } from "@/lib/domain/aggregations";
import { formatNumber } from "@/lib/domain/format";
import { asOfOnly, parseView, twelveMonthsBefore, viewQuery, withChartWindow } from "@/lib/domain/view";
import { monthlyWindow } from "@/lib/domain/aggregations";

const now = new Date("2026-11-23T15:00:00Z");

describe("parseView", () => {
  it("defaults to today with no filters", () => {
    const view = parseView({}, now);
    expect(view.asOf).toEqual(new Date("2026-11-23T00:00:00Z"));
    expect(view.asOfExplicit).toBe(false);
    expect(viewQuery(view)).toBe("");
  });

  it("reads the as-of date and filters, and writes them back", () => {
    const view = parseView({ asOf: "2025-01-15", region: "Africa", type: "INGO", status: "EXPELLED", from: "2024-01-01", to: "2024-12-31" }, now);
    expect(view).toMatchObject({ asOf: new Date("2025-01-15T00:00:00Z"), asOfExplicit: true, region: "Africa", type: "INGO", status: "EXPELLED" });
    expect(viewQuery(view)).toBe("?asOf=2025-01-15&region=Africa&type=INGO&status=EXPELLED&from=2024-01-01&to=2024-12-31");
    expect(viewQuery(view, { status: "RESTRICTED", region: undefined })).toBe("?asOf=2025-01-15&type=INGO&status=RESTRICTED&from=2024-01-01&to=2024-12-31");
  });

  it("drops bad values instead of failing, and never looks into the future", () => {
    const view = parseView({ asOf: "2025-02-30", type: "SPY", status: "expelled", region: "x".repeat(80) }, now);
    expect(view).toMatchObject({ asOfExplicit: false, type: undefined, status: undefined, region: undefined });
    expect(parseView({ asOf: "2030-01-01" }, now).asOf).toEqual(new Date("2026-11-23T00:00:00Z"));
    expect(parseView({ asOf: ["2025-01-15", "2025-02-10"] }, now).asOf).toEqual(new Date("2025-01-15T00:00:00Z"));
  });

  it("reads the constraint filters (category, pillar, area in any case), and drops bad ones", () => {
    const view = parseView({ category: "MOVEMENT_RESTRICTIONS", pillar: "HUMANITARIAN_ACCESS_TO_PEOPLE", area: "ne-6" }, now);
    expect(view).toMatchObject({ category: "MOVEMENT_RESTRICTIONS", pillar: "HUMANITARIAN_ACCESS_TO_PEOPLE", area: "NE-6" });
    expect(viewQuery(view)).toBe("?category=MOVEMENT_RESTRICTIONS&pillar=HUMANITARIAN_ACCESS_TO_PEOPLE&area=NE-6");
    expect(parseView({ category: "ESCORTS", pillar: "people", area: "Tillabéri" }, now)).toMatchObject({
      category: undefined,
      pillar: undefined,
      area: undefined,
    });
    expect(viewQuery(asOfOnly(view))).toBe("");
  });

  it("carries only the as-of date to detail pages", () => {
    const view = parseView({ asOf: "2025-01-15", region: "Africa", type: "INGO", status: "EXPELLED", from: "2024-01-01" }, now);
    expect(viewQuery(asOfOnly(view))).toBe("?asOf=2025-01-15");
    expect(viewQuery(asOfOnly(parseView({ region: "Africa" }, now)))).toBe("");
    expect(formatNumber(2_000_000)).toBe("2,000,000");
  });

  it("swaps a reversed date range", () => {
    const view = parseView({ from: "2025-01-01", to: "2024-01-01" }, now);
    expect(view.from).toEqual(new Date("2024-01-01T00:00:00Z"));
    expect(view.to).toEqual(new Date("2025-01-01T00:00:00Z"));
  });

  it("bounds the monthly charts' query to ten years unless a range is set", () => {
    const view = parseView({ asOf: "2025-03-10" }, now);
    expect(withChartWindow(view).from).toEqual(new Date("2015-04-01T00:00:00Z"));
    const ranged = parseView({ asOf: "2025-03-10", from: "1990-01-01" }, now);
    expect(withChartWindow(ranged).from).toEqual(new Date("1990-01-01T00:00:00Z"));
    expect(twelveMonthsBefore(new Date("2025-03-10T00:00:00Z"))).toEqual(new Date("2024-03-10T00:00:00Z"));
  });

  it("shows months from the first with data (at least twelve, at most ten years) to the view date's month", () => {
    const rows = [
      { key: "2023-07", ARRIVAL: 1 },
      { key: "2023-12", ARRIVAL: 0 },
      { key: "2024-02", ARRIVAL: 2 },
    ];
    const mali = monthlyWindow(rows, ["ARRIVAL"], parseView({ asOf: "2025-03-10" }, now));
    expect({ first: mali.first, last: mali.last, months: mali.rows.length, ranged: mali.ranged }).toEqual({
      first: "2023-07",
      last: "2025-03",
      months: 21,
      ranged: false,
    });
    expect(mali.rows.find((r) => r.key === "2024-01")).toEqual({ key: "2024-01", ARRIVAL: 0 });
    expect(mali.rows.at(-1)).toEqual({ key: "2025-03", ARRIVAL: 0 });
    const recent = monthlyWindow([{ key: "2025-02", ARRIVAL: 1 }], ["ARRIVAL"], parseView({ asOf: "2025-03-10" }, now));
    expect([recent.first, recent.rows.length]).toEqual(["2024-04", 12]);
    const old = monthlyWindow([{ key: "1999-01", ARRIVAL: 1 }], ["ARRIVAL"], parseView({ asOf: "2025-03-10" }, now));
    expect([old.first, old.rows.length]).toEqual(["2015-04", 120]);
    const empty = monthlyWindow([], ["ARRIVAL"], parseView({ asOf: "2025-03-10" }, now));
    expect([empty.first, empty.last]).toEqual(["2024-04", "2025-03"]);
    const ranged = monthlyWindow(rows, ["ARRIVAL"], parseView({ asOf: "2025-03-10", from: "2023-01-01", to: "2023-12-31" }, now));
    expect([ranged.first, ranged.last, ranged.ranged]).toEqual(["2023-01", "2023-12", true]);
    // "All dates" (a range from 1900) starts at the first event, however far back.
    const all = monthlyWindow([{ key: "1999-01", ARRIVAL: 1 }], ["ARRIVAL"], parseView({ asOf: "2025-03-10", from: "1900-01-01" }, now));
    expect([all.first, all.rows.length]).toEqual(["1999-01", 315]);
  });
});

describe("aggregations", () => {
  it("lists months without gaps, across years", () => {
    expect(monthRange("2024-11", "2025-02")).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
    expect(monthRange("2025-01", "2025-01")).toEqual(["2025-01"]);
  });

  it("pivots grouped rows, fills missing series and months with zero", () => {
    const rows = [
      { key: "2024-11", series: "EXPELLED", value: 1_000_000 },
      { key: "2025-01", series: "EXPELLED", value: 2_000_000 },
      { key: "2025-01", series: "RESTRICTED", value: 5 },
    ];
    expect(pivot(rows, ["OPERATING", "RESTRICTED", "EXPELLED"], { continuousMonths: true })).toEqual([
      { key: "2024-11", OPERATING: 0, RESTRICTED: 0, EXPELLED: 1_000_000 },
      { key: "2024-12", OPERATING: 0, RESTRICTED: 0, EXPELLED: 0 },
      { key: "2025-01", OPERATING: 0, RESTRICTED: 5, EXPELLED: 2_000_000 },
    ]);
    expect(pivot([], ["A"], { continuousMonths: true })).toEqual([]);
    expect(pivot([{ key: "b", series: "A", value: 1 }], ["A"], { keyOrder: ["a", "b"] })).toEqual([
      { key: "a", A: 0 },
      { key: "b", A: 1 },
    ]);
  });

  it("finds the most severe status", () => {
    expect(mostSevereStatus({ OPERATING: 3, RESTRICTED: 1 })).toBe("RESTRICTED");
    expect(mostSevereStatus({ OPERATING: 1, EXPELLED: 1, RESTRICTED: 0 })).toBe("EXPELLED");
    expect(mostSevereStatus({ OPERATING: 0 })).toBeNull();
  });

  it("ranks countries by restrictions and expulsions, then by name", () => {
    const rows = [
      { name: "B", OPERATING: 9, RESTRICTED: 0, EXPELLED: 1 },
      { name: "A", OPERATING: 0, RESTRICTED: 1, EXPELLED: 0 },
      { name: "C", OPERATING: 0, RESTRICTED: 2, EXPELLED: 2 },
    ];
    expect(rankByRestriction(rows).map((r) => r.name)).toEqual(["C", "A", "B"]);
  });
});

describe("summariseStatusCounts", () => {
  const rows: StatusCountRow[] = [
    { iso3: "NER", name: "Niger", type: "INGO", status: "EXPELLED", n: 2 },
    { iso3: "NER", name: "Niger", type: "FOREIGN_MILITARY", status: "EXPELLED", n: 3 },
    { iso3: "NER", name: "Niger", type: "FOREIGN_MILITARY", status: "OPERATING", n: 1 },
    { iso3: "MLI", name: "Mali", type: "INGO", status: "RESTRICTED", n: 4 },
    { iso3: "MLI", name: "Mali", type: "INGO", status: "EXPELLED", n: 0 }, // a counter back at zero counts for nothing
  ];
  const summary = summariseStatusCounts(rows);

  it("totals presences per status and counts each country once per status", () => {
    expect(summary.presencesByStatus).toEqual({ OPERATING: 1, RESTRICTED: 4, EXPELLED: 5 });
    expect(summary.countriesByStatus).toEqual({ OPERATING: 1, RESTRICTED: 1, EXPELLED: 1 });
  });

  it("gives per-country and per-type counts, types in vocabulary order", () => {
    expect(summary.byCountry).toEqual([
      { iso3: "NER", name: "Niger", OPERATING: 1, RESTRICTED: 0, EXPELLED: 5 },
      { iso3: "MLI", name: "Mali", OPERATING: 0, RESTRICTED: 4, EXPELLED: 0 },
    ]);
    expect(summary.byType).toEqual([
      { key: "INGO", OPERATING: 0, RESTRICTED: 4, EXPELLED: 2 },
      { key: "FOREIGN_MILITARY", OPERATING: 1, RESTRICTED: 0, EXPELLED: 3 },
    ]);
  });

  it("gives the same from rows grouped per country and per type apart (as the overview's query groups them)", () => {
    const grouped: StatusCountRow[] = [
      { iso3: "NER", name: "Niger", type: null, status: "EXPELLED", n: 5 },
      { iso3: "NER", name: "Niger", type: null, status: "OPERATING", n: 1 },
      { iso3: "MLI", name: "Mali", type: null, status: "RESTRICTED", n: 4 },
      { iso3: "MLI", name: "Mali", type: null, status: "EXPELLED", n: 0 },
      { iso3: null, name: null, type: "INGO", status: "EXPELLED", n: 2 },
      { iso3: null, name: null, type: "INGO", status: "RESTRICTED", n: 4 },
      { iso3: null, name: null, type: "FOREIGN_MILITARY", status: "EXPELLED", n: 3 },
      { iso3: null, name: null, type: "FOREIGN_MILITARY", status: "OPERATING", n: 1 },
    ];
    expect(summariseStatusCounts(grouped)).toEqual(summary);
    expect(summariseStatusCounts(grouped).presencesByStatus).toEqual({ OPERATING: 1, RESTRICTED: 4, EXPELLED: 5 });
  });

  it("is all zeros without rows", () => {
    expect(summariseStatusCounts([])).toEqual({
      presencesByStatus: { OPERATING: 0, RESTRICTED: 0, EXPELLED: 0 },
      countriesByStatus: { OPERATING: 0, RESTRICTED: 0, EXPELLED: 0 },
      byCountry: [],
      byType: [],
    });
  });
});
