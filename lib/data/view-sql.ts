// SQL fragments shared by the grouped queries over events: the view's filters. One
// definition, so every chart and figure agrees.
import { Prisma } from "@/lib/generated/prisma/client";
import type { View } from "@/lib/domain/view";
import { eventFilterConditions } from "@/lib/data/sql-fragments";
import { categoriesOf } from "@/lib/domain/constraints";

export const and = (parts: Prisma.Sql[]) => (parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty);

/** WHERE for the view's events (eventFilterConditions in sql-fragments.ts), with any extra conditions. */
export function eventConditions(view: View, extra: Prisma.Sql[] = []): Prisma.Sql {
  return Prisma.sql`WHERE ${Prisma.join([...eventFilterConditions(view), ...constraintFilters(view), ...extra], " AND ")}`;
}

/** The view's access-constraint filters on its events (alias e). */
export function constraintFilters(view: Pick<View, "category" | "pillar" | "area">): Prisma.Sql[] {
  return [
    ...(view.category ? [Prisma.sql`e.category = ${view.category}::"ConstraintCategory"`] : []),
    ...(view.pillar ? [Prisma.sql`e.category = ANY(${categoriesOf(view.pillar)}::"ConstraintCategory"[])`] : []),
    // Through the (areaCode, eventId) index: the area's events, then the other conditions.
    // The area's country as well (an event's areas are always its country's): without it the
    // planner, expecting the area's events everywhere, walked all events by date testing each
    // for the area (1.4 million read at ten million events, 4.8 s); with it, it starts from
    // the area's own events (6,000 there, 0.3 s).
    ...(view.area
      ? [
          Prisma.sql`e.id IN (SELECT ea."eventId" FROM "EventArea" ea WHERE ea."areaCode" = ${view.area})`,
          Prisma.sql`e."countryIso3" = (SELECT a."countryIso3" FROM "Area" a WHERE a.code = ${view.area})`,
        ]
      : []),
  ];
}

export const EVENT_JOINS = Prisma.sql`
  JOIN "Country" c ON c.iso3 = e."countryIso3"
  LEFT JOIN "Presence" p ON p.id = e."presenceId"
  LEFT JOIN "Organisation" o ON o.id = p."organisationId"`;
