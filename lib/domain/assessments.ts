// Access assessments: ACAPS's nine indicators scored 0–3 (or an information gap) and the
// country's (or area's) overall access level 0–5. ACAPS publishes the scale and the
// indicators, not the rule from the nine scores to the level (reference-facts.md); the rule
// below is this project's own, stated in the README, and the one place it is applied.
import { CATEGORIES, type Category } from "./constraint-codes";
import type { Locale } from "./locales";

/** An indicator's score: 0 none, 1 low, 2 medium, 3 high; null is ACAPS's "X", an information gap. */
export type IndicatorScore = 0 | 1 | 2 | 3 | null;
export const INDICATOR_SCORES = [0, 1, 2, 3] as const;
export const MAX_INDICATOR_SCORE = 3;

export const ACCESS_LEVELS = [0, 1, 2, 3, 4, 5] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** ACAPS's published scale. */
export const ACCESS_LEVEL_LABELS: Record<Locale, Record<AccessLevel, string>> = {
  en: { 0: "No constraints", 1: "Low constraints", 2: "Moderate constraints", 3: "High constraints", 4: "Very high constraints", 5: "Extreme constraints" },
  fr: {
    0: "Aucune contrainte",
    1: "Contraintes faibles",
    2: "Contraintes modérées",
    3: "Contraintes élevées",
    4: "Contraintes très élevées",
    5: "Contraintes extrêmes",
  },
};

/** A level as people read it: "2 · Moderate constraints"; `none` where there is no level. */
export function accessLevelText(level: number | null, locale: Locale, none = "—"): string {
  return level === null ? none : `${level} · ${ACCESS_LEVEL_LABELS[locale][level as AccessLevel]}`;
}

/** Whether a period (ISO days) is one whole calendar month: such periods read as "Feb 2025". */
export function isWholeMonth(from: string, to: string): boolean {
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
  return start.getUTCDate() === 1 && end.toISOString().slice(0, 10) === to;
}

/** With more gaps than this, the scores say too little for a level: the level is left open. */
export const MAX_INFORMATION_GAPS = 3;

export type IndicatorScores = Record<Category, IndicatorScore>;

export interface LevelOutcome {
  /** The level the rule gives, or null when there are more than MAX_INFORMATION_GAPS gaps. */
  computed: AccessLevel | null;
  /** The sum of the scored indicators, and that sum carried to all nine (gaps take the average of the others). */
  sum: number;
  projected: number | null;
  gaps: number;
}

/**
 * The rule: the scored indicators' sum, carried to nine indicators when some are gaps
 * (each gap counts as the average of the scored ones), on the 0–27 range; 0 is level 0, and
 * above it each fifth of the range is one level: level = ⌈projected × 5 ∕ 27⌉ (so 1–5.4 is 1,
 * 5.4–10.8 is 2, 10.8–16.2 is 3, 16.2–21.6 is 4, 21.6–27 is 5). Any constraint at all is at
 * least "low"; only every indicator at 3 (or the scored ones, with few gaps) is "extreme".
 */
export function accessLevel(scores: IndicatorScores): LevelOutcome {
  const scored = CATEGORIES.map((category) => scores[category]).filter((score): score is 0 | 1 | 2 | 3 => score !== null);
  const gaps = CATEGORIES.length - scored.length;
  const sum = scored.reduce<number>((total, score) => total + score, 0);
  if (gaps > MAX_INFORMATION_GAPS) return { computed: null, sum, projected: null, gaps };
  const projected = (sum * CATEGORIES.length) / scored.length;
  const range = CATEGORIES.length * MAX_INDICATOR_SCORE;
  // A tolerance keeps exact boundaries (5.4 → 1) from tipping over on floating-point dust.
  const level = Math.min(5, Math.ceil((projected * 5) / range - 1e-9)) as AccessLevel;
  return { computed: Math.max(0, level) as AccessLevel, sum, projected, gaps };
}

/** The level an assessment states: the analyst's override when there is one (with its reason), else the rule's. */
export function statedLevel(computed: AccessLevel | null, override: { level: AccessLevel; reason: string } | null): AccessLevel | null {
  return override ? override.level : computed;
}

/** How a level moved between two assessments: up (worse), down (better), the same, or not comparable. */
export function levelChange(previous: AccessLevel | null | undefined, current: AccessLevel | null): "up" | "down" | "same" | null {
  if (previous === null || previous === undefined || current === null) return null;
  return current > previous ? "up" : current < previous ? "down" : "same";
}

/** The indicators whose score moved between two assessments, in ACAPS's order (a gap to or from a score counts as moved). */
export function indicatorChanges(
  previous: Partial<Record<Category, IndicatorScore>>,
  current: Partial<Record<Category, IndicatorScore>>,
): { category: Category; from: IndicatorScore; to: IndicatorScore; direction: "up" | "down" | "gap" }[] {
  return CATEGORIES.flatMap((category) => {
    const from = previous[category] ?? null;
    const to = current[category] ?? null;
    if (from === to) return [];
    const direction = from === null || to === null ? "gap" : to > from ? "up" : "down";
    return [{ category, from, to, direction }];
  });
}
