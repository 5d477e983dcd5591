import { describe, expect, it } from "vitest";
import { formatPartialDate, isCalendarDay, isoPartialDate, parsePartialDate, startOfPeriod } from "@/lib/domain/partial-date";

describe("partial dates", () => {
  it("parses each precision to the first day of its period", () => {
    expect(parsePartialDate("2024-11-12")).toEqual({ date: new Date("2024-11-12T00:00:00Z"), precision: "DAY" });
    expect(parsePartialDate("2024-04")).toEqual({ date: new Date("2024-04-01T00:00:00Z"), precision: "MONTH" });
    expect(parsePartialDate("1990")).toEqual({ date: new Date("1990-01-01T00:00:00Z"), precision: "YEAR" });
  });

  it("rejects impossible and malformed dates", () => {
    for (const bad of ["2024-02-30", "2024-13", "24-01-01", "2024/01/01", "", "2024-1-1", "abcd"]) {
      expect(parsePartialDate(bad), bad).toBeNull();
    }
    expect(parsePartialDate("2024-02-29")?.precision).toBe("DAY");
  });

  it("never formats more precisely than the source", () => {
    const date = new Date("2024-11-12T00:00:00Z");
    expect(formatPartialDate(date, "DAY")).toBe("12 Nov 2024");
    expect(formatPartialDate(date, "MONTH")).toBe("Nov 2024");
    expect(formatPartialDate(date, "YEAR")).toBe("2024");
    expect(isoPartialDate(date, "DAY")).toBe("2024-11-12");
    expect(isoPartialDate(date, "MONTH")).toBe("2024-11");
    expect(isoPartialDate(date, "YEAR")).toBe("2024");
  });

  it("truncates to the start of the period", () => {
    const date = new Date("2024-11-12T15:00:00Z");
    expect(startOfPeriod(date, "YEAR")).toEqual(new Date("2024-01-01T00:00:00Z"));
    expect(startOfPeriod(date, "MONTH")).toEqual(new Date("2024-11-01T00:00:00Z"));
    expect(startOfPeriod(date, "DAY")).toEqual(new Date("2024-11-12T00:00:00Z"));
  });

  it("knows a calendar day written YYYY-MM-DD from text that only looks like one", () => {
    for (const day of ["2025-01-31", "2024-02-29", "1900-01-01"]) expect(isCalendarDay(day), day).toBe(true);
    for (const text of ["2025-02-30", "2023-02-29", "2025-13-01", "2025-1-31", "2025-01-31T00:00:00Z", " 2025-01-31", ""])
      expect(isCalendarDay(text), text).toBe(false);
  });
});
