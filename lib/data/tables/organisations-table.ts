// The organisations table: every organisation with how many countries it has each status in.
import { Prisma } from "@/lib/generated/prisma/client";
import type { TableQuery } from "@/lib/domain/tables/query";
import type { OrganisationRow } from "@/lib/domain/tables/rows";
import type { OrganisationType } from "@/lib/domain/vocabulary";
import { presenceStatusCte } from "@/lib/data/projections/presence-status-sql";
import type { TableDefinition } from "./table-sql";
import { organisationMatches } from "@/lib/data/search-sql";
import { STATUS_COUNTS } from "@/lib/data/sql-fragments";
import { ORGANISATION_TYPE_LABELS } from "@/lib/domain/vocabulary";
import { labelOf, type CsvDefinition } from "./csv-sql";

export function organisationsTable(query: TableQuery): TableDefinition {
  const { filters } = query;
  const conditions: Prisma.Sql[] = [];
  if (filters.q) {
    conditions.push(organisationMatches("o", filters.q, { iati: true }));
  }
  if (filters.type) conditions.push(Prisma.sql`o.type = ${filters.type}::"OrganisationType"`);
  // Country, region and status filters all apply to one and the same presence:
  // "expelled from Niger" means one presence that is both in Niger and expelled.
  const presenceConditions: Prisma.Sql[] = [];
  if (filters.country) presenceConditions.push(Prisma.sql`pp."countryIso3" = ${filters.country}`);
  if (filters.region) presenceConditions.push(Prisma.sql`pc.region = ${filters.region}`);
  if (filters.status) presenceConditions.push(Prisma.sql`ps.status = ${filters.status}::"Status"`);
  if (presenceConditions.length) {
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM presence_status ps JOIN "Presence" pp ON pp.id = ps.presence_id JOIN "Country" pc ON pc.iso3 = pp."countryIso3"
      WHERE pp."organisationId" = o.id AND ${Prisma.join(presenceConditions, " AND ")})`);
  }
  const sortKeys = {
    name: { expr: Prisma.sql`o.name COLLATE "und-x-icu"`, type: "text" },
    acronym: { expr: Prisma.sql`coalesce(o.acronym, '') COLLATE "und-x-icu"`, type: "text" },
    type: { expr: Prisma.sql`o.type::text`, type: "text" },
    countries: { expr: Prisma.sql`coalesce(k.countries, 0)`, type: "int" },
    expelled: { expr: Prisma.sql`coalesce(k.expelled, 0)`, type: "int" },
  } satisfies TableDefinition["sortKeys"];
  const base = {
    select: Prisma.sql`o.id, o.name, o.acronym, o.type::text AS type, o."iatiId" AS iati_id, o.website,
      coalesce(k.countries, 0) AS countries, coalesce(k.operating, 0) AS operating,
      coalesce(k.restricted, 0) AS restricted, coalesce(k.expelled, 0) AS expelled`,
    conditions,
    id: Prisma.sql`o.id`,
    sortKeys,
    csv: ORGANISATIONS_CSV,
  };
  if (COUNT_SORTS.has(query.sort.column)) {
    // Sorted by a count: every organisation's counts are needed, from one grouped pass.
    return {
      ...base,
      ctes: Prisma.sql`${presenceStatusCte(query.asOf)},
        status_counts AS (
          SELECT p."organisationId" AS organisation_id, ${COUNTS}
          FROM presence_status s JOIN "Presence" p ON p.id = s.presence_id
          GROUP BY p."organisationId"
        )`,
      from: Prisma.sql`FROM "Organisation" o LEFT JOIN status_counts k ON k.organisation_id = o.id`,
      // A second pass over the grouped CTE would cost more than it saves.
      deferredJoin: false,
    };
  }
  // Sorted by name, acronym or type: the counts of the rows shown only, from their presences.
  return {
    ...base,
    ctes: presenceStatusCte(query.asOf),
    from: Prisma.sql`FROM "Organisation" o`,
    selectJoins: Prisma.sql`LEFT JOIN LATERAL (
      SELECT ${COUNTS} FROM presence_status s JOIN "Presence" p ON p.id = s.presence_id WHERE p."organisationId" = o.id
    ) k ON TRUE`,
  };
}

/** Each column's cell as columns.ts writes it (value), in SQL, over the organisation (o) and its counts (k). */
const ORGANISATIONS_CSV: CsvDefinition = {
  columns: {
    id: Prisma.sql`o.id`,
    name: Prisma.sql`o.name`,
    acronym: Prisma.sql`o.acronym`,
    type: labelOf(Prisma.sql`o.type`, ORGANISATION_TYPE_LABELS),
    iatiId: Prisma.sql`o."iatiId"`,
    website: Prisma.sql`o.website`,
    countries: Prisma.sql`coalesce(k.countries, 0)`,
    operating: Prisma.sql`coalesce(k.operating, 0)`,
    restricted: Prisma.sql`coalesce(k.restricted, 0)`,
    expelled: Prisma.sql`coalesce(k.expelled, 0)`,
  },
};

/** Sort columns that need every organisation's counts. */
const COUNT_SORTS = new Set(["countries", "expelled"]);

const COUNTS = Prisma.sql`count(*)::int AS countries, ${STATUS_COUNTS}`;

export function toOrganisationRow(r: Record<string, unknown>): OrganisationRow {
  return {
    id: r.id as number,
    name: r.name as string,
    acronym: r.acronym as string | null,
    type: r.type as OrganisationType,
    iatiId: r.iati_id as string | null,
    website: r.website as string | null,
    countries: r.countries as number,
    operating: r.operating as number,
    restricted: r.restricted as number,
    expelled: r.expelled as number,
  };
}
