import { describe, expect, it } from "vitest";
import { carriesStatusChanges, describeFeedFilters, feedFiltersQuery, feedFiltersSchema, parseStoredFeedFilters } from "@/lib/domain/feeds";

describe("a feed's filters", () => {
  it("are stored in one canonical order, whatever order they came in, and read back", () => {
    const a = feedFiltersSchema.parse({ status: "EXPELLED", country: "ner", organisation: "12" });
    const b = feedFiltersSchema.parse({ organisation: 12, country: "NER", status: "EXPELLED" });
    expect(feedFiltersQuery(a)).toBe("country=NER&organisation=12&status=EXPELLED");
    expect(feedFiltersQuery(b)).toBe(feedFiltersQuery(a));
    expect(parseStoredFeedFilters(feedFiltersQuery(a))).toEqual({ country: "NER", organisation: 12, status: "EXPELLED" });
  });

  it("drop what cannot be read when stored ones are read back, and refuse unknown keys when made", () => {
    expect(parseStoredFeedFilters("country=NER&q=ICRC&status=NOPE")).toEqual({ country: "NER" });
    expect(feedFiltersSchema.safeParse({ q: "ICRC" }).success).toBe(false);
    expect(feedFiltersSchema.safeParse({ from: "2025-01-01" }).success).toBe(false);
  });

  it("carry status changes unless an event-only filter is set", () => {
    expect(carriesStatusChanges({ country: "NER", status: "EXPELLED" })).toBe(true);
    for (const only of [
      { kind: "ARRIVAL" },
      { category: "INTERFERENCE" },
      { pillar: "PEOPLE_ACCESS_TO_AID" },
      { area: "NE-6" },
      { confidence: "CONFIRMED" },
    ] as const) {
      expect(carriesStatusChanges(only), JSON.stringify(only)).toBe(false);
    }
  });

  it("are described in words for titles, with names when known", () => {
    expect(describeFeedFilters({})).toBe("All countries and organisations");
    expect(describeFeedFilters({ country: "NER", status: "EXPELLED", category: "IMPEDIMENTS_TO_ENTRY" }, { country: "Niger" })).toBe(
      "Niger · Expelled · Impediments to entry (bureaucratic, administrative)",
    );
    expect(describeFeedFilters({ organisation: 7 })).toBe("Organisation 7");
  });
});
