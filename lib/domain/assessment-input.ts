// What an assessment's author sends (the form, POST /api/v1/assessments, an edit): validated
// here once. All nine indicators are required, each with a score 0–3 or null (an information
// gap), a rationale, and the events behind it (checked against the proposals in lib/data).
import { z } from "zod";
import { areaCodeSchema } from "./area-code";
import { CATEGORIES, type Category } from "./constraint-codes";
import { pastDay, text, versionSeen, wholeNumber } from "./edit-schemas";
import { ACCESS_LEVELS, INDICATOR_SCORES } from "./assessments";
import { ISO3_CODE } from "./vocabulary";

/** How many events one indicator may cite (the proposals list the most recent first). */
export const MAX_EVIDENCE_PER_INDICATOR = 50;

const indicatorSchema = z.strictObject({
  score: z
    .union([z.literal(INDICATOR_SCORES), z.null()], "A score is 0, 1, 2 or 3, or null for an information gap")
    .refine((score) => score === null || Number.isInteger(score), "A score is 0, 1, 2 or 3, or null for an information gap"),
  rationale: text("Rationale", { max: 2_000 }),
  eventIds: z
    .array(wholeNumber("Each event is an id").pipe(z.number().positive("Each event is an id")), "Events are a list of ids")
    .max(MAX_EVIDENCE_PER_INDICATOR, `At most ${MAX_EVIDENCE_PER_INDICATOR} events per indicator`)
    .default([])
    .refine((ids) => new Set(ids).size === ids.length, "An event is listed twice"),
});

const indicatorsSchema = z.strictObject(
  Object.fromEntries(CATEGORIES.map((category) => [category, indicatorSchema])) as Record<Category, typeof indicatorSchema>,
  "Score all nine indicators (a score, or null for an information gap)",
);

const overrideSchema = z
  .strictObject({
    level: z.literal(ACCESS_LEVELS, "An access level is a whole number from 0 to 5"),
    reason: text("Reason", { min: 10, max: 2_000 }),
  })
  .nullable()
  .optional();

const draft = z.boolean("draft is true or false").optional();

/** A new assessment of a country (or one of its areas) over a period. */
export const assessmentSchema = z
  .strictObject({
    country: z.string("Choose a country").trim().regex(ISO3_CODE, "Choose a country").toUpperCase(),
    area: areaCodeSchema().nullable().optional(),
    from: pastDay("From"),
    to: pastDay("To"),
    indicators: indicatorsSchema,
    override: overrideSchema,
    draft,
  })
  // Zod runs this even when a date failed (its value is then still the text): only two dates are compared.
  .refine((input) => !(input.from instanceof Date && input.to instanceof Date) || input.from.getTime() <= input.to.getTime(), {
    message: "The period ends before it starts",
    path: ["to"],
  });

/** A new version of an assessment: its indicators and override again, against the version the author saw. */
export const assessmentEditSchema = z.strictObject({
  version: versionSeen,
  indicators: indicatorsSchema,
  override: overrideSchema,
  draft,
});

export type AssessmentInput = z.output<typeof assessmentSchema>;
export type AssessmentEditInput = z.output<typeof assessmentEditSchema>;

/** The longest custom period the form offers: a year (ACAPS assesses twice a year). */
export const MAX_PERIOD_DAYS = 366;

export interface AssessedPeriod {
  from: Date;
  to: Date;
  /** YYYY-MM when the period is a month (the form's month field), else null (a custom range). */
  month: string | null;
}

const day = (text: string | undefined): Date | null => {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : date;
};

/**
 * The period the assessment form scores, from its address: a custom range (?from=&to=, both
 * days, in order, ending by today, at most MAX_PERIOD_DAYS long), else a month (?month=YYYY-MM),
 * else the last complete month. A month still running ends today. Anything else is ignored.
 */
export function assessedPeriod(search: { month?: string; from?: string; to?: string }, today = new Date()): AssessedPeriod {
  const [from, to] = [day(search.from), day(search.to)];
  if (from && to && from <= to && to <= today && (to.getTime() - from.getTime()) / 86_400_000 < MAX_PERIOD_DAYS) return { from, to, month: null };
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(search.month ?? "");
  const [year, month] = match ? [Number(match[1]), Number(match[2]) - 1] : [today.getUTCFullYear(), today.getUTCMonth() - 1];
  const start = new Date(Date.UTC(year, month, 1));
  const end = new Date(Date.UTC(year, month + 1, 0));
  return { from: start, to: end > today ? today : end, month: start.toISOString().slice(0, 7) };
}
