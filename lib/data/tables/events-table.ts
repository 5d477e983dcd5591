// The events table: published events up to the view date, newest first by default.
import { Prisma } from "@/lib/generated/prisma/client";
import type { TableQuery } from "@/lib/domain/tables/query";
import type { AreaRef, EventRow, SourceRef } from "@/lib/domain/tables/rows";
import type { Category, Subtype } from "@/lib/domain/constraints";
import { constraintFilters } from "@/lib/data/view-sql";
import type { Confidence, DatePrecision, EventKind, OrganisationType, Status } from "@/lib/domain/vocabulary";
import type { TableDefinition } from "./table-sql";
import { anyContains, countryCodesMatching, presenceIdsMatching } from "@/lib/data/search-sql";
import { eventFilterConditions, sourcesJson, statusSeverity } from "@/lib/data/sql-fragments";
import { CONFIDENCE_LABELS, EVENT_KIND_LABELS, ORGANISATION_TYPE_LABELS, STATUS_LABELS } from "@/lib/domain/vocabulary";
import { CATEGORY_LABELS, CATEGORY_PILLAR, SUBTYPE_LABELS } from "@/lib/domain/constraint-codes";
import { PILLAR_LABELS } from "@/lib/domain/pillars";
import { labelOf, type CsvDefinition } from "./csv-sql";

/**
 * Events that match a search, as the ids of indexed lookups (summary, organisation, country).
 * An OR across the joined tables could only filter every event; this finds a rare word in
 * milliseconds. Summaries are searched from SUMMARY_SEARCH_MIN characters (a trigram index
 * cannot help with fewer, and one or two letters match most summaries anyway).
 */
const lookups = (q: string, pick: Prisma.Sql) => {
  const parts = [
    Prisma.sql`SELECT ${pick} FROM "AccessEvent" se WHERE se."presenceId" IN (${presenceIdsMatching(q)})`,
    Prisma.sql`SELECT ${pick} FROM "AccessEvent" se WHERE se."countryIso3" IN (${countryCodesMatching(q)})`,
  ];
  if (q.length >= SUMMARY_SEARCH_MIN) parts.unshift(Prisma.sql`SELECT ${pick} FROM "AccessEvent" se WHERE ${anyContains([Prisma.sql`se.summary`], q)}`);
  return parts;
};
const searchIds = (q: string) => Prisma.sql`e.id IN (${Prisma.join(lookups(q, Prisma.sql`se.id`), " UNION ")})`;

/**
 * The same search as a filter on each event, for a word that matches many events: walking
 * the events in the table's order then finds a page after a few rows, where collecting
 * every matching id first would take seconds.
 */
function searchFilter(q: string): Prisma.Sql {
  const alternatives = [Prisma.sql`e."presenceId" IN (${presenceIdsMatching(q)})`, Prisma.sql`e."countryIso3" IN (${countryCodesMatching(q)})`];
  if (q.length >= SUMMARY_SEARCH_MIN) alternatives.unshift(anyContains([Prisma.sql`e.summary`], q));
  return Prisma.sql`(${Prisma.join(alternatives, " OR ")})`;
}

export const SUMMARY_SEARCH_MIN = 3;
/** A search matching more events than this is dense: its page walks the table's order (searchFilter). */
export const DENSE_PAGE_MATCHES = 2_000;
/**
 * Roughly how many events a search matches, up to `cap` (an event matched twice counts
 * twice): cheap, from the indexes. The caller chooses the form of the search from it.
 */
export const searchProbeSql = (q: string, cap: number) =>
  Prisma.sql`SELECT count(*)::int AS matches FROM (${Prisma.join(lookups(q, Prisma.sql`1`), " UNION ALL ")} LIMIT ${cap}) probe`;

export function eventsTable(query: TableQuery, options: { denseSearch?: boolean } = {}): TableDefinition {
  const { filters } = query;
  const conditions = eventFilterConditions({ ...filters, asOf: query.asOf });
  if (filters.q) conditions.push(options.denseSearch ? searchFilter(filters.q) : searchIds(filters.q));
  // An organisation's events include the country-level constraints that name it.
  if (filters.organisation) {
    conditions.push(
      Prisma.sql`(o.id = ${filters.organisation} OR e.id IN (SELECT eo."eventId" FROM "EventOrganisation" eo WHERE eo."organisationId" = ${filters.organisation}))`,
    );
  }

  if (filters.kind) conditions.push(Prisma.sql`e.kind = ${filters.kind}::"EventKind"`);
  // Category, pillar and area: the same conditions as the overview's (view-sql.ts).
  conditions.push(...constraintFilters(filters));
  if (filters.confidence) conditions.push(Prisma.sql`e.confidence = ${filters.confidence}::"Confidence"`);
  return {
    ctes: null,
    select: Prisma.sql`e.id, e."occurredOn" AS occurred_on, e."datePrecision"::text AS date_precision, e.kind::text AS kind,
      e.category::text AS category, e.subtype::text AS subtype, e."resultingStatus"::text AS resulting_status, e.confidence::text AS confidence, e.summary, e."peopleAffected" AS people_affected,
      e."presenceId" AS presence_id, o.id AS organisation_id, o.name AS organisation_name, o.acronym AS organisation_acronym, o.type::text AS organisation_type,
      o."iatiId" AS iati_id, c.iso3 AS country_iso3, c."nameEn" AS country_name, c.region,
      (SELECT ${sourcesJson("so")}
         FROM "EventSource" es JOIN "Source" so ON so.id = es."sourceId" WHERE es."eventId" = e.id) AS sources,
      (SELECT coalesce(json_agg(json_build_object('code', a.code, 'name', a.name) ORDER BY a.name, a.code), '[]'::json)
         FROM "EventArea" ea JOIN "Area" a ON a.code = ea."areaCode" WHERE ea."eventId" = e.id) AS areas,
      (SELECT coalesce(json_agg(json_build_object('id', co.id, 'name', co.name) ORDER BY co.name), '[]'::json)
         FROM "EventOrganisation" eo JOIN "Organisation" co ON co.id = eo."organisationId" WHERE eo."eventId" = e.id) AS concerned,
      coalesce(e."organisationTypes"::text[], '{}') AS concerned_types, e."parentEventId" AS parent_event_id`,
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
    csv: EVENTS_CSV,
  };
}

const pillarLabels = Object.fromEntries(Object.entries(CATEGORY_PILLAR).map(([category, pillar]) => [category, PILLAR_LABELS[pillar].en]));

/** Each column's cell as columns.ts writes it (value), in SQL: the lists joined as there, in the select's order. */
const EVENTS_CSV: CsvDefinition = {
  joins: Prisma.sql`
    LEFT JOIN LATERAL (SELECT string_agg(so.publisher || ': ' || so.title, ' | ' ORDER BY so.id) AS names, string_agg(nullif(so.url, ''), ' ' ORDER BY so.id) AS urls
      FROM "EventSource" es JOIN "Source" so ON so.id = es."sourceId" WHERE es."eventId" = e.id) csv_sources ON TRUE
    LEFT JOIN LATERAL (SELECT string_agg(a.name, '; ' ORDER BY a.name, a.code) AS names, string_agg(a.code, '; ' ORDER BY a.name, a.code) AS codes
      FROM "EventArea" ea JOIN "Area" a ON a.code = ea."areaCode" WHERE ea."eventId" = e.id) csv_areas ON TRUE`,
  columns: {
    id: Prisma.sql`e.id`,
    occurredOn: Prisma.sql`e."occurredOn"::text`,
    datePrecision: Prisma.sql`lower(e."datePrecision"::text)`,
    country: Prisma.sql`c."nameEn"`,
    iso3: Prisma.sql`c.iso3`,
    region: Prisma.sql`c.region`,
    organisation: Prisma.sql`o.name`,
    type: labelOf(Prisma.sql`o.type`, ORGANISATION_TYPE_LABELS),
    iatiId: Prisma.sql`o."iatiId"`,
    kind: labelOf(Prisma.sql`e.kind`, EVENT_KIND_LABELS),
    category: labelOf(Prisma.sql`e.category`, CATEGORY_LABELS),
    pillar: labelOf(Prisma.sql`e.category`, pillarLabels),
    subtype: labelOf(Prisma.sql`e.subtype`, SUBTYPE_LABELS),
    areas: Prisma.sql`csv_areas.names`,
    areaCodes: Prisma.sql`csv_areas.codes`,
    // concernsLabel (lib/domain/concerns.ts) in English.
    concerns: Prisma.sql`CASE WHEN o.name <> '' THEN o.name
      ELSE coalesce(
        (SELECT string_agg(co.name, '; ' ORDER BY co.name) FROM "EventOrganisation" eo JOIN "Organisation" co ON co.id = eo."organisationId" WHERE eo."eventId" = e.id),
        'Every ' || (SELECT string_agg(${labelOf(Prisma.sql`t.type`, ORGANISATION_TYPE_LABELS)}, ' or ' ORDER BY t.n)
                     FROM unnest(e."organisationTypes"::text[]) WITH ORDINALITY t(type, n)) || ' in the country',
        'Whole country') END`,
    parentEventId: Prisma.sql`e."parentEventId"`,
    status: labelOf(Prisma.sql`e."resultingStatus"`, STATUS_LABELS),
    confidence: labelOf(Prisma.sql`e.confidence`, CONFIDENCE_LABELS),
    peopleAffected: Prisma.sql`e."peopleAffected"`,
    summary: Prisma.sql`e.summary`,
    sources: Prisma.sql`csv_sources.names`,
    sourceUrls: Prisma.sql`csv_sources.urls`,
  },
};

export function toEventRow(r: Record<string, unknown>): EventRow {
  return {
    id: r.id as number,
    occurredOn: r.occurred_on as string,
    datePrecision: r.date_precision as DatePrecision,
    kind: r.kind as EventKind,
    category: r.category as Category | null,
    subtype: r.subtype as Subtype | null,
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
    areas: r.areas as AreaRef[],
    concernedOrganisations: r.concerned as { id: number; name: string }[],
    concernedTypes: r.concerned_types as OrganisationType[],
    parentEventId: r.parent_event_id as number | null,
  };
}
