// The presences table: each organisation in each country with its status as of the view date.
import { Prisma } from "@/lib/generated/prisma/client";
import type { TableQuery } from "@/lib/domain/tables/query";
import type { AreaRef, PresenceRow, SourceRef } from "@/lib/domain/tables/rows";
import type { DatePrecision, OrganisationType, Status } from "@/lib/domain/vocabulary";
import { presenceStatusCte } from "@/lib/data/projections/presence-status-sql";
import { isoDate } from "@/lib/domain/partial-date";
import type { TableDefinition } from "./table-sql";
import { countryCodesMatching, presenceIdsMatching } from "@/lib/data/search-sql";
import { sourcesJson, statusEvent } from "@/lib/data/sql-fragments";
import { ORGANISATION_TYPE_LABELS, STATUS_LABELS } from "@/lib/domain/vocabulary";
import { labelOf, type CsvDefinition } from "./csv-sql";

/**
 * Conditions on the events of the run behind each presence's status as of a date (alias re
 * for the event, p for the presence, s for the presence_status CTE).
 */
export const inRun = (asOf: Date) => Prisma.sql`
  re."presenceId" = p.id AND ${statusEvent("re")}
    AND re."occurredOn" <= ${isoDate(asOf)}::date AND (re."occurredOn", re.id) >= (s.since, s.since_event_id)`;

export function presencesTable(query: TableQuery): TableDefinition {
  const { filters } = query;
  const conditions: Prisma.Sql[] = [];
  if (filters.q) {
    // One id list from two indexed lookups (an OR of the two would filter every presence).
    conditions.push(Prisma.sql`p.id IN (${presenceIdsMatching(filters.q)}
      UNION SELECT sp2.id FROM "Presence" sp2 WHERE sp2."countryIso3" IN (${countryCodesMatching(filters.q)}))`);
  }
  if (filters.country) conditions.push(Prisma.sql`c.iso3 = ${filters.country}`);
  if (filters.organisation) conditions.push(Prisma.sql`o.id = ${filters.organisation}`);
  if (filters.region) conditions.push(Prisma.sql`c.region = ${filters.region}`);
  if (filters.type) conditions.push(Prisma.sql`o.type = ${filters.type}::"OrganisationType"`);
  if (filters.status) conditions.push(Prisma.sql`s.status = ${filters.status}::"Status"`);
  if (filters.from) conditions.push(Prisma.sql`s.since >= ${isoDate(filters.from)}::date`);
  if (filters.to) conditions.push(Prisma.sql`s.since <= ${isoDate(filters.to)}::date`);
  return {
    ctes: presenceStatusCte(query.asOf),
    select: Prisma.sql`p.id, p.version, o.id AS organisation_id, o.name AS organisation_name, o.acronym AS organisation_acronym,
      o.type::text AS organisation_type, o."iatiId" AS iati_id, c.iso3 AS country_iso3, c."nameEn" AS country_name, c.region,
      s.status::text AS status, s.since, s.since_precision::text AS since_precision, s.people_affected,
      EXISTS (SELECT 1 FROM "AccessEvent" re WHERE ${inRun(query.asOf)} AND re.confidence = 'DISPUTED') AS disputed,
      (SELECT ${sourcesJson("src")}
         FROM (SELECT DISTINCT so.id, so.publisher, so.title, so.url, so."publishedOn"
               FROM "AccessEvent" re JOIN "EventSource" es ON es."eventId" = re.id JOIN "Source" so ON so.id = es."sourceId"
               WHERE ${inRun(query.asOf)}) src) AS sources,
      (SELECT coalesce(json_agg(json_build_object('code', a.code, 'name', a.name) ORDER BY a.name, a.code), '[]'::json)
         FROM "PresenceArea" pa JOIN "Area" a ON a.code = pa."areaCode" WHERE pa."presenceId" = p.id) AS areas`,
    from: Prisma.sql`FROM presence_status s
      JOIN "Presence" p ON p.id = s.presence_id
      JOIN "Organisation" o ON o.id = p."organisationId"
      JOIN "Country" c ON c.iso3 = p."countryIso3"`,
    conditions,
    // Filters on the status alone need no join: each status row has exactly one presence,
    // organisation and country (foreign keys).
    countFrom: filters.q || filters.country || filters.organisation || filters.region || filters.type ? undefined : Prisma.sql`FROM presence_status s`,
    id: Prisma.sql`p.id`,
    sortKeys: {
      organisation: { expr: Prisma.sql`o.name COLLATE "und-x-icu"`, type: "text" },
      type: { expr: Prisma.sql`o.type::text`, type: "text" },
      country: { expr: Prisma.sql`c."nameEn" COLLATE "und-x-icu"`, type: "text" },
      // Enums sort in declaration order, least to most severe (tests/unit/vocabulary.test.ts).
      status: { expr: Prisma.sql`s.status`, type: "status" },
      since: { expr: Prisma.sql`s.since`, type: "date" },
      peopleAffected: { expr: Prisma.sql`coalesce(s.people_affected, -1)`, type: "int" },
    },
    csv: presencesCsv(query.asOf),
  };
}

/** Each column's cell as columns.ts writes it (value), in SQL: the lists joined as there, in the select's order. */
const presencesCsv = (asOf: Date): CsvDefinition => ({
  joins: Prisma.sql`
    LEFT JOIN LATERAL (SELECT string_agg(src.publisher || ': ' || src.title, ' | ' ORDER BY src.id) AS names, string_agg(nullif(src.url, ''), ' ' ORDER BY src.id) AS urls
      FROM (SELECT DISTINCT so.id, so.publisher, so.title, so.url
            FROM "AccessEvent" re JOIN "EventSource" es ON es."eventId" = re.id JOIN "Source" so ON so.id = es."sourceId"
            WHERE ${inRun(asOf)}) src) csv_sources ON TRUE
    LEFT JOIN LATERAL (SELECT string_agg(a.name, '; ' ORDER BY a.name, a.code) AS names, string_agg(a.code, '; ' ORDER BY a.name, a.code) AS codes
      FROM "PresenceArea" pa JOIN "Area" a ON a.code = pa."areaCode" WHERE pa."presenceId" = p.id) csv_areas ON TRUE`,
  columns: {
    id: Prisma.sql`p.id`,
    organisation: Prisma.sql`o.name`,
    acronym: Prisma.sql`o.acronym`,
    type: labelOf(Prisma.sql`o.type`, ORGANISATION_TYPE_LABELS),
    iatiId: Prisma.sql`o."iatiId"`,
    country: Prisma.sql`c."nameEn"`,
    iso3: Prisma.sql`c.iso3`,
    region: Prisma.sql`c.region`,
    status: labelOf(Prisma.sql`s.status`, STATUS_LABELS),
    since: Prisma.sql`s.since::text`,
    sincePrecision: Prisma.sql`lower(s.since_precision::text)`,
    peopleAffected: Prisma.sql`s.people_affected`,
    disputed: Prisma.sql`CASE WHEN EXISTS (SELECT 1 FROM "AccessEvent" re WHERE ${inRun(asOf)} AND re.confidence = 'DISPUTED') THEN 'yes' ELSE 'no' END`,
    areas: Prisma.sql`csv_areas.names`,
    areaCodes: Prisma.sql`csv_areas.codes`,
    sources: Prisma.sql`csv_sources.names`,
    sourceUrls: Prisma.sql`csv_sources.urls`,
  },
});

export function toPresenceRow(r: Record<string, unknown>): PresenceRow {
  return {
    id: r.id as number,
    version: r.version as number,
    organisationId: r.organisation_id as number,
    organisationName: r.organisation_name as string,
    organisationAcronym: r.organisation_acronym as string | null,
    organisationType: r.organisation_type as OrganisationType,
    iatiId: r.iati_id as string | null,
    countryIso3: r.country_iso3 as string,
    countryName: r.country_name as string,
    region: r.region as string,
    status: r.status as Status,
    since: r.since as string,
    sincePrecision: r.since_precision as DatePrecision,
    peopleAffected: r.people_affected as number | null,
    disputed: r.disputed as boolean,
    sources: r.sources as SourceRef[],
    areas: r.areas as AreaRef[],
  };
}
