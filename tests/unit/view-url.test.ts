// The view in the URL: one set of rules for the overview and the tables.
import { describe, expect, it } from "vitest";
import { parseTableQuery, tableQueryString } from "@/lib/domain/tables/query";
import { parseView, viewQuery } from "@/lib/domain/view";
import { asOfQuery, effectiveAsOf, firstValues, orderedRange, queryString } from "@/lib/domain/view-url";

const now = new Date("2026-12-02T15:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("the view in the URL", () => {
  it("reads a future or missing as-of date as today, and a past one as chosen", () => {
    expect(effectiveAsOf(day("2027-01-01"), now)).toEqual({ asOf: day("2026-12-02"), asOfExplicit: false });
    expect(effectiveAsOf(undefined, now)).toEqual({ asOf: day("2026-12-02"), asOfExplicit: false });
    expect(effectiveAsOf(day("2026-12-02"), now)).toEqual({ asOf: day("2026-12-02"), asOfExplicit: false });
    expect(effectiveAsOf(day("2025-01-15"), now)).toEqual({ asOf: day("2025-01-15"), asOfExplicit: true });
  });

  it("swaps a range given the wrong way round, the same for the overview and the tables", () => {
    expect(orderedRange(day("2025-02-01"), day("2024-01-01"))).toEqual([day("2024-01-01"), day("2025-02-01")]);
    expect(parseView({ from: "2025-02-01", to: "2024-01-01" }, now)).toMatchObject({ from: day("2024-01-01"), to: day("2025-02-01") });
    expect(parseTableQuery("events", { from: "2025-02-01", to: "2024-01-01" }, now).filters).toEqual({ from: day("2024-01-01"), to: day("2025-02-01") });
  });

  it("takes the first of repeated parameters", () => {
    expect(firstValues({ asOf: ["2025-01-15", "2020-01-01"], q: "x" })).toEqual({ asOf: "2025-01-15", q: "x" });
    expect(parseView({ asOf: ["2025-01-15", "2020-01-01"] }, now).asOf).toEqual(day("2025-01-15"));
  });

  it("writes only what differs from the defaults, dates as days", () => {
    expect(queryString({ asOf: day("2025-01-15"), q: "", region: undefined, size: 100 })).toBe("?asOf=2025-01-15&size=100");
    expect(queryString({})).toBe("");
    expect(asOfQuery(parseView({ asOf: "2025-01-15" }, now))).toBe("?asOf=2025-01-15");
    expect(asOfQuery(parseView({}, now))).toBe("");
    expect(viewQuery(parseView({ asOf: "2025-01-15", region: "Africa" }, now))).toBe("?asOf=2025-01-15&region=Africa");
    expect(tableQueryString(parseTableQuery("events", { asOf: "2025-01-15", status: "EXPELLED", sort: "occurredOn", dir: "desc" }, now))).toBe(
      "?asOf=2025-01-15&status=EXPELLED",
    );
  });
});
