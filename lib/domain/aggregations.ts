// Pure shaping of the grouped rows the database returns into what charts and tables show.
import { MAX_CHART_MONTHS, MIN_CHART_MONTHS, type View } from "./view";
import { ORGANISATION_TYPES, STATUS_SEVERITY, STATUSES, type OrganisationType, type Status } from "./vocabulary";

/** Month keys "YYYY-MM" from the first to the last month, inclusive, with no gaps. */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split("-").map(Number) as [number, number];
  const [lastYear, lastMonth] = last.split("-").map(Number) as [number, number];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, "0")}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

export type SeriesRow = { key: string } & Record<string, number | string>;

/**
 * Pivots (key, series, value) rows into one row per key with a column per series, zero
 * where a series has no value. With `continuousMonths`, missing months are filled in so
 * that a time axis has no jumps.
 */
export function pivot(
  rows: readonly { key: string; series: string; value: number }[],
  series: readonly string[],
  options: { continuousMonths?: boolean; keyOrder?: readonly string[] } = {},
): SeriesRow[] {
  const byKey = new Map<string, SeriesRow>();
  const empty = (key: string): SeriesRow => Object.fromEntries([["key", key], ...series.map((s) => [s, 0])]) as SeriesRow;
  for (const row of rows) {
    const target = byKey.get(row.key) ?? empty(row.key);
    target[row.series] = Number(target[row.series] ?? 0) + row.value;
    byKey.set(row.key, target);
  }
  let keys = options.keyOrder ?? [...byKey.keys()];
  if (options.continuousMonths && byKey.size > 0) {
    const sorted = [...byKey.keys()].sort();
    keys = monthRange(sorted[0]!, sorted.at(-1)!);
  }
  return keys.map((key) => byKey.get(key) ?? empty(key));
}

export function mostSevereStatus(counts: Partial<Record<Status, number>>): Status | null {
  let worst: Status | null = null;
  for (const status of STATUSES) {
    if ((counts[status] ?? 0) > 0 && (worst === null || STATUS_SEVERITY[status] > STATUS_SEVERITY[worst])) worst = status;
  }
  return worst;
}

/** Countries ordered by how many presences are restricted or expelled, then by name. */
export function rankByRestriction<T extends { name: string; RESTRICTED: number; EXPELLED: number }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => b.RESTRICTED + b.EXPELLED - (a.RESTRICTED + a.EXPELLED) || a.name.localeCompare(b.name));
}

/**
 * Presences with one status in one country and organisation type (a grouped row); or, as
 * the overview's query groups them (a few hundred rows instead of thousands), in one country
 * of any type (type null) or of one type in any country (iso3 and name null).
 */
export interface StatusCountRow {
  iso3: string | null;
  name: string | null;
  type: OrganisationType | null;
  status: Status;
  n: number;
}

export type CountryStatusCounts = { iso3: string; name: string } & Record<Status, number>;

export interface StatusSummary {
  presencesByStatus: Record<Status, number>;
  /** Countries with at least one presence of each status. */
  countriesByStatus: Record<Status, number>;
  /** Per country, every country with a presence; in no particular order. */
  byCountry: CountryStatusCounts[];
  /** Per organisation type (series: statuses), types in vocabulary order, only those present. */
  byType: SeriesRow[];
}

const zeroByStatus = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;

/** The overview's status figures, per-country and per-type counts, from the fine-grained rows. */
export function summariseStatusCounts(rows: readonly StatusCountRow[]): StatusSummary {
  const presencesByStatus = zeroByStatus();
  const countries = new Map<string, CountryStatusCounts>();
  const types = new Map<OrganisationType, Record<Status, number>>();
  for (const row of rows) {
    if (row.n <= 0) continue;
    // Every presence is in a country: the rows with one count each presence once.
    if (row.iso3 !== null) {
      presencesByStatus[row.status] += row.n;
      const country = countries.get(row.iso3) ?? { iso3: row.iso3, name: row.name ?? row.iso3, ...zeroByStatus() };
      country[row.status] += row.n;
      countries.set(row.iso3, country);
    }
    if (row.type !== null) {
      const type = types.get(row.type) ?? zeroByStatus();
      type[row.status] += row.n;
      types.set(row.type, type);
    }
  }
  const countriesByStatus = zeroByStatus();
  for (const country of countries.values()) for (const status of STATUSES) if (country[status] > 0) countriesByStatus[status] += 1;
  return {
    presencesByStatus,
    countriesByStatus,
    byCountry: [...countries.values()],
    byType: ORGANISATION_TYPES.filter((t) => types.has(t)).map((t) => ({ key: t, ...types.get(t)! })),
  };
}

const monthKey = (date: Date) => date.toISOString().slice(0, 7);
const addMonths = (key: string, months: number) => {
  const [year, month] = key.split("-").map(Number) as [number, number];
  return monthKey(new Date(Date.UTC(year, month - 1 + months, 1)));
};

/** A monthly chart's rows and the months they cover. */
export interface MonthlySeries {
  rows: SeriesRow[];
  /** First and last month shown, "YYYY-MM". */
  first: string;
  last: string;
  /** Whether the view set the range (else it runs from the first event in view, bounded). */
  ranged: boolean;
}

/**
 * The months a monthly chart shows: up to the view date's month (or the range's end), from
 * the range's start or else from the first month with data, at least MIN_CHART_MONTHS and
 * at most MAX_CHART_MONTHS; every month present, zero where nothing happened.
 */
export function monthlyWindow(rows: readonly SeriesRow[], series: readonly string[], view: View): MonthlySeries {
  const end = view.to && view.to < view.asOf ? view.to : view.asOf;
  const last = monthKey(end);
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const withData = rows
    .filter((row) => series.some((s) => Number(row[s] ?? 0) > 0))
    .map((row) => row.key)
    .sort();
  const latestStart = addMonths(last, -(MIN_CHART_MONTHS - 1));
  const fromData = (earliest: string) => (withData[0] && withData[0] < latestStart ? (withData[0] < earliest ? earliest : withData[0]) : latestStart);
  let first: string;
  if (!view.from) first = fromData(addMonths(last, -(MAX_CHART_MONTHS - 1)));
  else {
    // A range is shown as set; one longer than the bound ("all dates") starts at its first event.
    const start = monthKey(view.from);
    first = monthRange(start, last).length > MAX_CHART_MONTHS ? fromData(start) : start;
  }
  const empty = (key: string): SeriesRow => Object.fromEntries([["key", key], ...series.map((s) => [s, 0])]) as SeriesRow;
  return { rows: monthRange(first, last).map((key) => byKey.get(key) ?? empty(key)), first, last, ranged: Boolean(view.from) };
}
