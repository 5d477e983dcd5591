// The events table: published events up to the view date, newest first by default.
import { Prisma } from "@/lib/generated/prisma/client";
import type { TableQuery } from "@/lib/domain/tables/query";
import type { EventRow, SourceRef } from "@/lib/domain/tables/rows";
import type { Confidence, DatePrecision, EventKind, OrganisationType, Status } from "@/lib/domain/vocabulary";
import { isoDate } from "@/lib/domain/partial-date";
import { containing, type TableDefinition } from "./table-sql";

export function eventsTable(query: TableQuery): TableDefinition {
  const { filters } = query;
  const conditions: Prisma.Sql[] = [Prisma.sql`e."reviewState" = 'PUBLISHED'`, Prisma.sql`e."occurredOn" <= ${isoDate(query.asOf)}::date`];
  if (filters.q) {
    const pattern = containing(filters.q);
    conditions.push(Prisma.sql`(e.summary ILIKE ${pattern} OR o.name ILIKE ${pattern} OR o.acronym ILIKE ${pattern} OR c."nameEn" ILIKE ${pattern})`);
  }
  if (filters.country) conditions.push(Prisma.sql`e."countryIso3" = ${filters.country}`);
  if (filters.organisation) conditions.push(Prisma.sql`o.id = ${filters.organisation}`);
  if (filters.region) conditions.push(Prisma.sql`c.region = ${filters.region}`);
  if (filters.type) conditions.push(Prisma.sql`o.type = ${filters.type}::"OrganisationType"`);
  if (filters.status) conditions.push(Prisma.sql`e."resultingStatus" = ${filters.status}::"Status"`);
  if (filters.kind) conditions.push(Prisma.sql`e.kind = ${filters.kind}::"EventKind"`);
  if (filters.confidence) conditions.push(Prisma.sql`e.confidence = ${filters.confidence}::"Confidence"`);
  if (filters.from) conditions.push(Prisma.sql`e."occurredOn" >= ${isoDate(filters.from)}::date`);
  if (filters.to) conditions.push(Prisma.sql`e."occurredOn" <= ${isoDate(filters.to)}::date`);
  return {
    ctes: null,
    select: Prisma.sql`e.id, e."occurredOn" AS occurred_on, e."datePrecision"::text AS date_precision, e.kind::text AS kind,
      e."resultingStatus"::text AS resulting_status, e.confidence::text AS confidence, e.summary, e."peopleAffected" AS people_affected,
      e."presenceId" AS presence_id, o.id AS organisation_id, o.name AS organisation_name, o.acronym AS organisation_acronym, o.type::text AS organisation_type,
      o."iatiId" AS iati_id, c.iso3 AS country_iso3, c."nameEn" AS country_name, c.region,
      (SELECT coalesce(json_agg(json_build_object('id', so.id, 'publisher', so.publisher, 'title', so.title, 'url', so.url,
                'publishedOn', so."publishedOn"::text) ORDER BY so.id), '[]'::json)
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
      status: { expr: Prisma.sql`CASE e."resultingStatus" WHEN 'EXPELLED' THEN 3 WHEN 'RESTRICTED' THEN 2 WHEN 'OPERATING' THEN 1 ELSE 0 END`, type: "int" },
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
