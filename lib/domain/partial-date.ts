// Dates known to the day, the month or the year. A partial date is stored as the first
// day of its period (2024-04-01 for "April 2024", 2010-01-01 for "2010"), so ordering and
// "as of" comparisons work on one column. See README "Dates and their precision".
import type { DatePrecision } from "./vocabulary";
import { DEFAULT_LOCALE, type Locale } from "./locales";

// Written out rather than asked of Intl: the same text on every machine, and French months in
// full as French writes them in dates ("16 juin 2023"), where English abbreviates ("16 Jun 2023").
const MONTHS: Record<Locale, readonly string[]> = {
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
};

/** A month as the axis of a chart or a heading says it: "Jun 2023", "juin 2023". */
export function formatMonth(year: number, monthIndex: number, locale: Locale = DEFAULT_LOCALE): string {
  return `${MONTHS[locale][monthIndex] ?? monthIndex + 1} ${year}`;
}

/** Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" into the start of its period (UTC) and its precision. */
export function parsePartialDate(text: string): { date: Date; precision: DatePrecision } | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = m ? Number(m) : 1;
  const day = d ? Number(d) : 1;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return { date, precision: d ? "DAY" : m ? "MONTH" : "YEAR" };
}

/** Truncates a date to the start of the period its precision names. */
export function startOfPeriod(date: Date, precision: DatePrecision): Date {
  const year = date.getUTCFullYear();
  if (precision === "YEAR") return new Date(Date.UTC(year, 0, 1));
  if (precision === "MONTH") return new Date(Date.UTC(year, date.getUTCMonth(), 1));
  return new Date(Date.UTC(year, date.getUTCMonth(), date.getUTCDate()));
}

/** "12 Nov 2024", "Nov 2024" or "2024" ("12 novembre 2024" in French): never more precise than the source. */
export function formatPartialDate(date: Date, precision: DatePrecision, locale: Locale = DEFAULT_LOCALE): string {
  const year = date.getUTCFullYear();
  if (precision === "YEAR") return String(year);
  const month = formatMonth(year, date.getUTCMonth(), locale);
  if (precision === "MONTH") return month;
  return `${date.getUTCDate()} ${month}`;
}

/** An ISO day as people read it, "16 Jun 2023" (or "Dec 2023", "2012" with a coarser precision). */
export function formatIsoDate(iso: string, precision: DatePrecision = "DAY", locale: Locale = DEFAULT_LOCALE): string {
  const parsed = parsePartialDate(iso);
  return parsed ? formatPartialDate(parsed.date, precision, locale) : iso;
}

/** An instant as people read it: "2 Dec 2026, 21:33 UTC" ("2 décembre 2026, 21:33 UTC"). */
export function formatInstant(at: Date | string, locale: Locale = DEFAULT_LOCALE): string {
  const date = typeof at === "string" ? new Date(at) : at;
  return `${formatPartialDate(date, "DAY", locale)}, ${date.toISOString().slice(11, 16)} UTC`;
}

/** The last instant of a day (UTC): "as of D" counts what was published on D too. */
export const endOfDay = (day: Date) => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1) - 1);

/** A day as "YYYY-MM-DD" (UTC): the one way dates are written in URLs, SQL parameters and files. */
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** A day written YYYY-MM-DD (the one pattern for every day that comes in as text). */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether text is a YYYY-MM-DD day that exists on the calendar (no 2025-02-30). */
export function isCalendarDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && isoDate(new Date(time)) === value;
}

/** ISO form at the stated precision: "2024-11-12", "2024-11" or "2024". */
export function isoPartialDate(date: Date, precision: DatePrecision): string {
  const iso = isoDate(date);
  return precision === "YEAR" ? iso.slice(0, 4) : precision === "MONTH" ? iso.slice(0, 7) : iso;
}
