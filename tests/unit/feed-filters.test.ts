import { describe, expect, it } from "vitest";
import {
  carriesStatusChanges,
  describeFeedFilters,
  feedEntryHtml,
  feedEntryPath,
  feedEntryTitle,
  feedFiltersQuery,
  feedFiltersSchema,
  feedKinds,
  parseStoredFeedFilters,
  type FeedEntry,
} from "@/lib/domain/feeds";

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

  it("carry published assessments only for a country, a region or everything", () => {
    expect(feedKinds({})).toContain("assessment.published");
    expect(feedKinds({ country: "NER", region: "Africa" })).toContain("assessment.published");
    for (const other of [{ country: "NER", status: "EXPELLED" }, { organisation: 7 }, { type: "INGO" }, { area: "NE-6" }, { kind: "ARRIVAL" }] as const) {
      expect(feedKinds(other), JSON.stringify(other)).not.toContain("assessment.published");
      expect(feedKinds(other)).toContain("event.published");
    }
  });

  it("name a published assessment by its place, period and level, and open its page", () => {
    const entry: FeedEntry = {
      seq: "9",
      txid: "100",
      kind: "assessment.published",
      changedAt: new Date("2026-12-04T10:00:00Z"),
      eventId: null,
      organisationId: null,
      organisationName: null,
      countryIso3: "NER",
      countryName: "Niger",
      status: null,
      previousStatus: null,
      event: null,
      assessment: {
        id: 4,
        from: "2025-02-01",
        to: "2025-02-28",
        area: { code: "NE-6", name: "Tillabéri" },
        version: 2,
        level: 3,
        computedLevel: 2,
        overrideReason: "Expulsions not yet scored.",
      },
    };
    expect(feedEntryTitle(entry)).toBe("Access assessed: Tillabéri (Niger), 1 Feb 2025 – 28 Feb 2025, level 3 · High constraints");
    expect(feedEntryTitle(entry, "fr")).toBe("Accès évalué : Tillabéri (Niger), 1 février 2025 – 28 février 2025, niveau 3 · Contraintes élevées");
    expect(feedEntryHtml(entry)).toContain("Stated by the analyst instead of the rule&#39;s 2 · Moderate constraints: Expulsions not yet scored.");
    expect(feedEntryPath(entry)).toBe("/assessments/4");
  });

  it("are described in words for titles, with names when known", () => {
    expect(describeFeedFilters({})).toBe("All countries and organisations");
    expect(describeFeedFilters({ country: "NER", status: "EXPELLED", category: "IMPEDIMENTS_TO_ENTRY" }, { country: "Niger" })).toBe(
      "Niger · Expelled · Impediments to entry (bureaucratic, administrative)",
    );
    expect(describeFeedFilters({ organisation: 7 })).toBe("Organisation 7");
  });
});
