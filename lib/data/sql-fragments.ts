// SQL that several queries share, written once: which events count, how severe a status
// is, the per-status counts and a list of sources as JSON. Aliases are the callers' own
// table aliases (constants in the code, never input).
import { Prisma } from "@/lib/generated/prisma/client";
import { isoDate } from "@/lib/domain/partial-date";
import { STATUS_SEVERITY, STATUSES, type OrganisationType, type Status } from "@/lib/domain/vocabulary";

const column = (alias: string, name: string) => Prisma.raw(`${alias}."${name}"`);

/** Events that count: published (not drafts, not retracted). */
export const publishedEvent = (alias: string) => Prisma.sql`${column(alias, "reviewState")} = 'PUBLISHED'`;

/** Published events that set a status: the ones a presence's status is computed from. */
export const statusEvent = (alias: string) => Prisma.sql`${publishedEvent(alias)} AND ${column(alias, "resultingStatus")} IS NOT NULL`;

/** A status's severity as a number for sorting (STATUS_SEVERITY + 1; no status sorts lowest, 0). */
export const statusSeverity = (expr: Prisma.Sql) =>
  Prisma.sql`CASE ${expr} ${Prisma.join(
    STATUSES.map((s) => Prisma.sql`WHEN ${Prisma.raw(`'${s}'`)} THEN ${Prisma.raw(String(STATUS_SEVERITY[s] + 1))}`),
    " ",
  )} ELSE 0 END`;

/** count(*) per status of the rows `s` grouped, as columns operating, restricted and expelled. */
export const STATUS_COUNTS = Prisma.join(
  STATUSES.map((s) => Prisma.raw(`(count(*) FILTER (WHERE s.status = '${s}'))::int AS ${s.toLowerCase()}`)),
  ",\n  ",
);

/** The sources of the rows of `alias` (id, publisher, title, url, publishedOn) as one JSON array, in id order. */
export const sourcesJson = (alias: string) =>
  Prisma.raw(`coalesce(json_agg(json_build_object('id', ${alias}.id, 'publisher', ${alias}.publisher, 'title', ${alias}.title, 'url', ${alias}.url,
                'publishedOn', ${alias}."publishedOn"::text) ORDER BY ${alias}.id), '[]'::json)`);

/** The filters events are seen through, on the overview's charts and in the events table alike. */
export interface EventFilters {
  asOf: Date;
  from?: Date;
  to?: Date;
  country?: string;
  region?: string;
  type?: OrganisationType;
  status?: Status;
}

/**
 * Conditions for published events up to the as-of day, in the date range and filters.
 * Expects aliases e (event), c (country), o (organisation, LEFT JOINed: country-wide events
 * have none and drop out only when a type filter is set). Days go in as ISO text.
 */
export function eventFilterConditions(filters: EventFilters): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [publishedEvent("e"), Prisma.sql`e."occurredOn" <= ${isoDate(filters.asOf)}::date`];
  if (filters.from) parts.push(Prisma.sql`e."occurredOn" >= ${isoDate(filters.from)}::date`);
  if (filters.to) parts.push(Prisma.sql`e."occurredOn" <= ${isoDate(filters.to)}::date`);
  if (filters.country) parts.push(Prisma.sql`e."countryIso3" = ${filters.country}`);
  if (filters.region) parts.push(Prisma.sql`c.region = ${filters.region}`);
  if (filters.type) parts.push(Prisma.sql`o.type = ${filters.type}::"OrganisationType"`);
  if (filters.status) parts.push(Prisma.sql`e."resultingStatus" = ${filters.status}::"Status"`);
  return parts;
}
