// The events table: published events up to the view date, newest first by default.
import { Prisma } from "@/lib/generated/prisma/client";
import type { TableQuery } from "@/lib/domain/tables/query";
import type { EventRow, SourceRef } from "@/lib/domain/tables/rows";
import type { Confidence, DatePrecision, EventKind, OrganisationType, Status } from "@/lib/domain/vocabulary";
import { containing, type TableDefinition } from "./table-sql";
import { eventFilterConditions, sourcesJson, statusSeverity } from "@/lib/data/sql-fragments";

export function eventsTable(query: TableQuery): TableDefinition {
  const { filters } = query;
  const conditions = eventFilterConditions({ ...filters, asOf: query.asOf });
  if (filters.q) {
    const pattern = containing(filters.q);
    conditions.push(Prisma.sql`(e.summary ILIKE ${pattern} OR o.name ILIKE ${pattern} OR o.acronym ILIKE ${pattern} OR c."nameEn" ILIKE ${pattern})`);
  }
  if (filters.organisation) conditions.push(Prisma.sql`o.id = ${filters.organisation}`);
  if (filters.kind) conditions.push(Prisma.sql`e.kind = ${filters.kind}::"EventKind"`);
  if (filters.confidence) conditions.push(Prisma.sql`e.confidence = ${filters.confidence}::"Confidence"`);
  return {
    ctes: null,
    select: Prisma.sql`e.id, e."occurredOn" AS occurred_on, e."datePrecision"::text AS date_precision, e.kind::text AS kind,
      e."resultingStatus"::text AS resulting_status, e.confidence::text AS confidence, e.summary, e."peopleAffected" AS people_affected,
      e."presenceId" AS presence_id, o.id AS organisation_id, o.name AS organisation_name, o.acronym AS organisation_acronym, o.type::text AS organisation_type,
      o."iatiId" AS iati_id, c.iso3 AS country_iso3, c."nameEn" AS country_name, c.region,
      (SELECT ${sourcesJson("so")}
         FROM "EventSource" es JOIN "Source" so ON so.id = es."sourceId" WHERE es."eventId" = e.id) AS sources`,
    from: Prisma.sql`FROM "AccessEvent" e
      JOIN "Country" c ON c.iso3 = e."countryIso3"
      LEFT JOIN "Presence" p ON p.id = e."presenceId"
      LEFT JOIN "Organisation" o ON o.id = p."organisationId"`,
    conditions,
    id: Prisma.sql`e.id`,
    sortKeys: {
      occurredOn: { expr: Prisma.sql`e."occurredOn"`, type: "date" },
      country: { expr: Prisma.sql`c."nameEn" COLLATE "und-x-icu"`, type: "text" },
      organisation: { expr: Prisma.sql`coalesce(o.name, '') COLLATE "und-x-icu"`, type: "text" },
      kind: { expr: Prisma.sql`e.kind::text`, type: "text" },
      // Most severe last when ascending; events that change no status first.
      status: { expr: statusSeverity(Prisma.sql`e."resultingStatus"`), type: "int" },
      confidence: { expr: Prisma.sql`e.confidence::text`, type: "text" },
      peopleAffected: { expr: Prisma.sql`coalesce(e."peopleAffected", -1)`, type: "int" },
    },
  };
}

export function toEventRow(r: Record<string, unknown>): EventRow {
  return {
    id: r.id as number,
    occurredOn: r.occurred_on as string,
    datePrecision: r.date_precision as DatePrecision,
    kind: r.kind as EventKind,
    resultingStatus: r.resulting_status as Status | null,
    confidence: r.confidence as Confidence,
    summary: r.summary as string,
    peopleAffected: r.people_affected as number | null,
    presenceId: r.presence_id as number | null,
    organisationId: r.organisation_id as number | null,
    organisationName: r.organisation_name as string | null,
    organisationAcronym: r.organisation_acronym as string | null,
    organisationType: r.organisation_type as OrganisationType | null,
    iatiId: r.iati_id as string | null,
    countryIso3: r.country_iso3 as string,
    countryName: r.country_name as string,
    region: r.region as string,
    sources: r.sources as SourceRef[],
  };
}
