// SQL fragments shared by the grouped queries: the status of every presence as of a date,
// and the view's filters. One definition, so every chart, figure and map agrees.
import { Prisma } from "@/lib/generated/prisma/client";
import type { View } from "@/lib/domain/view";
import { presenceStatusCte } from "./presence-status-sql";

export const and = (parts: Prisma.Sql[]) => (parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty);

/**
 * CTE `scoped`: one row per presence that has a status as of the view date (its latest
 * published status event on or before that day), with organisation type and country,
 * narrowed by the view's region, type, status and country filters.
 */
export function scopedPresences(view: View): Prisma.Sql {
  const filters: Prisma.Sql[] = [];
  if (view.region) filters.push(Prisma.sql`c.region = ${view.region}`);
  if (view.type) filters.push(Prisma.sql`o.type = ${view.type}::"OrganisationType"`);
  if (view.status) filters.push(Prisma.sql`s.status = ${view.status}::"Status"`);
  if (view.country) filters.push(Prisma.sql`c.iso3 = ${view.country}`);
  return Prisma.sql`
    ${presenceStatusCte(view.asOf)},
    scoped AS (
      SELECT s.presence_id, s.status::text AS status, o.type::text AS type, c.iso3, c."nameEn" AS country_name, c.region
      FROM presence_status s
      JOIN "Presence" p ON p.id = s.presence_id
      JOIN "Organisation" o ON o.id = p."organisationId"
      JOIN "Country" c ON c.iso3 = p."countryIso3"
      WHERE TRUE ${and(filters)}
    )`;
}

/**
 * WHERE conditions for published events up to the view date, inside the view's event date
 * range and filters. Expects aliases e (event), c (country), o (organisation, LEFT JOINed:
 * country-wide events have none and drop out only when a type filter is set).
 */
export function eventConditions(view: View, extra: Prisma.Sql[] = []): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`e."reviewState" = 'PUBLISHED'`, Prisma.sql`e."occurredOn" <= ${view.asOf}::date`, ...extra];
  if (view.from) parts.push(Prisma.sql`e."occurredOn" >= ${view.from}::date`);
  if (view.to) parts.push(Prisma.sql`e."occurredOn" <= ${view.to}::date`);
  if (view.region) parts.push(Prisma.sql`c.region = ${view.region}`);
  if (view.type) parts.push(Prisma.sql`o.type = ${view.type}::"OrganisationType"`);
  if (view.status) parts.push(Prisma.sql`e."resultingStatus" = ${view.status}::"Status"`);
  if (view.country) parts.push(Prisma.sql`c.iso3 = ${view.country}`);
  return Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}`;
}

export const EVENT_JOINS = Prisma.sql`
  JOIN "Country" c ON c.iso3 = e."countryIso3"
  LEFT JOIN "Presence" p ON p.id = e."presenceId"
  LEFT JOIN "Organisation" o ON o.id = p."organisationId"`;
