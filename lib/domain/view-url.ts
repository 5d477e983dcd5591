// How a view (the as-of date and the filters) lives in a URL, for the overview's views and
// the tables alike: reading the first value of each parameter, the rules for dates read
// from it, and writing a query string. Kept free of zod: table pages use it in the browser.
import { isoDate } from "./partial-date";

export type SearchParams = Record<string, string | string[] | undefined>;

/** One value per parameter: a repeated parameter counts by its first value. */
export const firstValues = (params: SearchParams): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));

export function todayUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * The day a view is seen at: the one asked for, or today when none is, or when it is in
 * the future (nothing is known about the future). Explicit when the URL set a past day.
 */
export function effectiveAsOf(asked: Date | undefined, now = new Date()): { asOf: Date; asOfExplicit: boolean } {
  const today = todayUtc(now);
  return asked && asked.getTime() < today.getTime() ? { asOf: asked, asOfExplicit: true } : { asOf: today, asOfExplicit: false };
}

/** A date range in order: from after to is read as the range the other way round. */
export function orderedRange(from?: Date, to?: Date): [Date | undefined, Date | undefined] {
  return from && to && from > to ? [to, from] : [from, to];
}

/** A query string from values (empty ones left out), "?…" or "". */
export function queryString(values: Record<string, string | number | Date | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, value instanceof Date ? isoDate(value) : String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** "?asOf=YYYY-MM-DD" for a view seen at a chosen day, "" for today: what links carry over. */
export const asOfQuery = (view: { asOf: Date; asOfExplicit: boolean }) => queryString({ asOf: view.asOfExplicit ? view.asOf : undefined });
