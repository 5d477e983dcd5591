// Pure shaping of the grouped rows the database returns into what charts and tables show.
import { STATUS_SEVERITY, STATUSES, type Status } from "./vocabulary";

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
