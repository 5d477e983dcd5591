// SQL fragments shared by the grouped queries over events: the view's filters. One
// definition, so every chart and figure agrees.
import { Prisma } from "@/lib/generated/prisma/client";
import type { View } from "@/lib/domain/view";

export const and = (parts: Prisma.Sql[]) => (parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty);

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
