import { describe, expect, it } from "vitest";
import {
  accessLevel,
  accessLevelText,
  indicatorChanges,
  isWholeMonth,
  levelChange,
  statedLevel,
  type IndicatorScore,
  type IndicatorScores,
} from "@/lib/domain/assessments";
import { CATEGORIES } from "@/lib/domain/constraint-codes";
import { assessedPeriod, assessmentSchema } from "@/lib/domain/assessment-input";
import { endOfDay } from "@/lib/domain/partial-date";

/** Nine scores in ACAPS's order (pillar 1, 2, 3); "X" is a gap. */
const scores = (...values: (IndicatorScore | "X")[]): IndicatorScores =>
  Object.fromEntries(CATEGORIES.map((category, i) => [category, values[i] === "X" ? null : (values[i] ?? 0)])) as IndicatorScores;

/** Nine scores that add up to `sum`, filled from the first indicator (3 each at most). */
const summing = (sum: number) => scores(...CATEGORIES.map((_, i) => Math.max(0, Math.min(3, sum - 3 * i)) as IndicatorScore));

describe("the access level rule", () => {
  it("gives 0 only when no indicator shows a constraint", () => {
    expect(accessLevel(scores(0, 0, 0, 0, 0, 0, 0, 0, 0)).computed).toBe(0);
    expect(accessLevel(scores(0, 0, 0, 0, 1, 0, 0, 0, 0)).computed).toBe(1);
  });

  it("turns the 0–27 sum into a level at every boundary (each fifth of the range one level)", () => {
    // Worked by hand: level = ⌈sum × 5 ∕ 27⌉; 5 → 0.93 → 1, 6 → 1.11 → 2, 10 → 1.85 → 2, 11 → 2.04 → 3,
    // 16 → 2.96 → 3, 17 → 3.15 → 4, 21 → 3.89 → 4, 22 → 4.07 → 5, 27 → 5.
    const expected: [number, number][] = [
      [1, 1],
      [5, 1],
      [6, 2],
      [10, 2],
      [11, 3],
      [16, 3],
      [17, 4],
      [21, 4],
      [22, 5],
      [27, 5],
    ];
    for (const [sum, level] of expected) {
      const outcome = accessLevel(summing(sum));
      expect(outcome.sum, `sum ${sum}`).toBe(sum);
      expect(outcome.computed, `sum ${sum}`).toBe(level);
    }
  });

  it("carries the scored indicators to nine when some are information gaps, and gives no level past three gaps", () => {
    // Six scored, sum 6: carried to nine, 9 → 1.67 → 2 (without the gaps taken into account it would be 1).
    const threeGaps = accessLevel(scores(1, 1, 1, 1, 1, 1, "X", "X", "X"));
    expect(threeGaps).toEqual({ computed: 2, sum: 6, projected: 9, gaps: 3 });
    // Eight scored at 3, one gap: 24 carried to 27 → 5.
    expect(accessLevel(scores(3, 3, 3, 3, 3, 3, 3, 3, "X")).computed).toBe(5);
    const fourGaps = accessLevel(scores(3, 3, 3, 3, 3, "X", "X", "X", "X"));
    expect(fourGaps.computed).toBeNull();
    expect(fourGaps.gaps).toBe(4);
    expect(accessLevel(scores("X", "X", "X", "X", "X", "X", "X", "X", "X")).computed).toBeNull();
  });

  it("states the analyst's override instead of the rule's level, and compares levels", () => {
    expect(statedLevel(2, null)).toBe(2);
    expect(statedLevel(2, { level: 4, reason: "Expulsions not yet scored" })).toBe(4);
    expect(statedLevel(null, { level: 3, reason: "Gaps, but the picture is clear" })).toBe(3);
    expect(levelChange(2, 3)).toBe("up");
    expect(levelChange(3, 2)).toBe("down");
    expect(levelChange(3, 3)).toBe("same");
    expect(levelChange(undefined, 3)).toBeNull();
    expect(levelChange(3, null)).toBeNull();
  });
});

describe("what an assessment may hold", () => {
  it("refuses a bad period with a message, never an exception, and accepts nine scored indicators", () => {
    const nine = Object.fromEntries(CATEGORIES.map((c) => [c, { score: 1, rationale: "Low.", eventIds: [] }]));
    const base = { country: "ner", from: "2025-02-01", to: "2025-02-28", indicators: nine };
    expect(assessmentSchema.safeParse(base).success).toBe(true);
    for (const to of ["", "2025-02-30", "2025-01-31", 7, null]) {
      const parsed = assessmentSchema.safeParse({ ...base, to });
      expect(parsed.success, String(to)).toBe(false);
      expect(
        parsed.error?.issues.some((i) => i.path[0] === "to"),
        String(to),
      ).toBe(true);
    }
    expect(assessmentSchema.safeParse({ ...base, indicators: { ...nine, INTERFERENCE: { score: 4, rationale: "x" } } }).success).toBe(false);
    expect(assessmentSchema.safeParse({ ...base, indicators: { ...nine, INTERFERENCE: { score: 1.5, rationale: "x" } } }).success).toBe(false);
    expect(assessmentSchema.safeParse({ ...base, indicators: { INTERFERENCE: nine.INTERFERENCE } }).success).toBe(false);
    expect(assessmentSchema.safeParse({ ...base, override: { level: 6, reason: "Far too high, for the test." } }).success).toBe(false);
  });
});

describe("what changed since the previous assessment", () => {
  it("lists the indicators that moved, up, down or to and from a gap, in ACAPS's order", () => {
    const before = scores(0, 1, 2, 0, 3, 0, "X", 0, 0);
    const after = scores(0, 1, 3, 0, 1, 0, 2, "X", 0);
    expect(indicatorChanges(before, after)).toEqual([
      { category: "IMPEDIMENTS_TO_ENTRY", from: 2, to: 3, direction: "up" },
      { category: "INTERFERENCE", from: 3, to: 1, direction: "down" },
      { category: "INSECURITY_HOSTILITIES", from: null, to: 2, direction: "gap" },
      { category: "EXPLOSIVE_HAZARDS", from: 0, to: null, direction: "gap" },
    ]);
    expect(indicatorChanges(after, after)).toEqual([]);
  });
});

describe("how levels and as-of days are written", () => {
  it("writes a level with its words, and takes an as-of day to its last instant", () => {
    expect(accessLevelText(2, "en")).toBe("2 · Moderate constraints");
    expect(accessLevelText(5, "fr")).toBe("5 · Contraintes extrêmes");
    expect(accessLevelText(null, "en")).toBe("—");
    expect(endOfDay(new Date("2025-02-28T00:00:00Z")).toISOString()).toBe("2025-02-28T23:59:59.999Z");
  });
});

describe("whole-month periods", () => {
  it("are a calendar month's first to last day, leap years included", () => {
    expect(isWholeMonth("2025-02-01", "2025-02-28")).toBe(true);
    expect(isWholeMonth("2024-02-01", "2024-02-29")).toBe(true);
    expect(isWholeMonth("2024-02-01", "2024-02-28")).toBe(false);
    expect(isWholeMonth("2025-12-01", "2025-12-31")).toBe(true);
    expect(isWholeMonth("2025-02-02", "2025-02-28")).toBe(false);
    expect(isWholeMonth("2025-01-01", "2025-03-31")).toBe(false);
  });
});

describe("the period the assessment form scores", () => {
  const today = new Date("2026-12-04T15:00:00Z");
  const iso = (p: { from: Date; to: Date; month: string | null }) => [p.from.toISOString().slice(0, 10), p.to.toISOString().slice(0, 10), p.month];

  it("is a custom range when both days are valid, in order, past and within a year", () => {
    expect(iso(assessedPeriod({ from: "2025-01-15", to: "2025-03-10" }, today))).toEqual(["2025-01-15", "2025-03-10", null]);
    expect(iso(assessedPeriod({ from: "2025-01-01", to: "2025-12-31" }, today))).toEqual(["2025-01-01", "2025-12-31", null]);
  });

  it("falls back to the month, or the last complete one, for a range it cannot take", () => {
    for (const bad of [
      { from: "2025-03-10", to: "2025-01-15" }, // backwards
      { from: "2025-01-01", to: "2026-01-02" }, // 367 days
      { from: "2026-11-01", to: "2026-12-05" }, // ends after today
      { from: "2025-02-30", to: "2025-03-10" }, // no such day
      { from: "2025-01-15" }, // no end
    ]) {
      expect(iso(assessedPeriod({ ...bad, month: "2025-02" }, today)), JSON.stringify(bad)).toEqual(["2025-02-01", "2025-02-28", "2025-02"]);
    }
    expect(iso(assessedPeriod({}, today))).toEqual(["2026-11-01", "2026-11-30", "2026-11"]);
    expect(iso(assessedPeriod({ month: "2026-12" }, today))).toEqual(["2026-12-01", "2026-12-04", "2026-12"]);
    expect(iso(assessedPeriod({ month: "2025-13" }, today))).toEqual(["2026-11-01", "2026-11-30", "2026-11"]);
  });
});
