import "server-only";
// Countries for the API: every country with how many organisations have each status there
// as of a date, in ISO3 order with keyset pagination.
import { cache } from "react";
import { db, pool } from "@/lib/db";
import type { Locale } from "@/lib/domain/locales";
import { BadQueryError } from "@/lib/domain/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/domain/actor";
import { presenceStatusCte } from "@/lib/data/projections/presence-status-sql";
import { cachedRead } from "@/lib/data/read-cache";
import { countryCodesMatching } from "@/lib/data/search-sql";
import { STATUS_COUNTS } from "@/lib/data/sql-fragments";
import { ISO3_CODE } from "@/lib/domain/vocabulary";

export interface CountryListQuery {
  asOf: Date;
  region?: string;
  q?: string;
}

export interface CountryListItem {
  iso3: string;
  iso2: string;
  name: string;
  nameFr: string;
  region: string;
  subregion: string | null;
  presences: { total: number; operating: number; restricted: number; expelled: number };
}

export async function listCountriesAfter(
  actor: Actor | null,
  query: CountryListQuery,
  afterIso3: string | null,
  limit: number,
): Promise<{ data: CountryListItem[]; nextCursor: string | null }> {
  authorize(actor, "read");
  const conditions: Prisma.Sql[] = [];
  if (query.region) conditions.push(Prisma.sql`c.region = ${query.region}`);
  if (query.q) conditions.push(Prisma.sql`c.iso3 IN (${countryCodesMatching(query.q)})`);
  if (afterIso3) conditions.push(Prisma.sql`c.iso3 > ${afterIso3}`);
  const sql = Prisma.sql`
    WITH ${presenceStatusCte(query.asOf)},
    counts AS (
      SELECT p."countryIso3" AS iso3, count(*)::int AS total, ${STATUS_COUNTS}
      FROM presence_status s JOIN "Presence" p ON p.id = s.presence_id GROUP BY p."countryIso3"
    )
    SELECT c.iso3, c.iso2, c."nameEn", c."nameFr", c.region, c.subregion,
           coalesce(k.total, 0) AS total, coalesce(k.operating, 0) AS operating,
           coalesce(k.restricted, 0) AS restricted, coalesce(k.expelled, 0) AS expelled
    FROM "Country" c LEFT JOIN counts k ON k.iso3 = c.iso3
    ${conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty}
    ORDER BY c.iso3 LIMIT ${limit + 1}`;
  const { rows } = await pool().query<Record<string, string | number | null>>(sql.text, sql.values);
  const data = rows.slice(0, limit).map((r) => ({
    iso3: r.iso3 as string,
    iso2: r.iso2 as string,
    name: r.nameEn as string,
    nameFr: r.nameFr as string,
    region: r.region as string,
    subregion: r.subregion as string | null,
    presences: { total: r.total as number, operating: r.operating as number, restricted: r.restricted as number, expelled: r.expelled as number },
  }));
  return { data, nextCursor: rows.length > limit ? Buffer.from(data.at(-1)!.iso3).toString("base64url") : null };
}

export function decodeCountryCursor(cursor: string): string | null {
  const iso3 = Buffer.from(cursor, "base64url").toString("utf8");
  return /^[A-Z]{3}$/.test(iso3) ? iso3 : null;
}

/**
 * The distinct countries of a table, found by skipping through its index on the country
 * (a "loose index scan": each step asks the index for the next code after the last one), so
 * its cost is one index probe per country that has rows, however the rows are spread. The
 * plain EXISTS per country was planned for an average country: with a million events in one
 * country, it read every event once per other country (21-47 s).
 */
const distinctCountries = (name: string, table: string) => `
  ${name} (iso3) AS (
    (SELECT "countryIso3" FROM ${table} ORDER BY "countryIso3" LIMIT 1)
    UNION ALL
    SELECT (SELECT t."countryIso3" FROM ${table} t WHERE t."countryIso3" > ${name}.iso3 ORDER BY t."countryIso3" LIMIT 1)
    FROM ${name} WHERE ${name}.iso3 IS NOT NULL
  )`;

/**
 * Countries that have any presence or event, for filter menus (most tables have few). Every
 * table page asks for them, and with 250 countries the two index walks cost 15-30 ms here: so
 * they are kept once per data version (lib/data/read-cache.ts), like the API's lists.
 */
export async function listCountryOptions(actor: Actor | null, locale: Locale = "en"): Promise<{ iso3: string; name: string }[]> {
  const user = authorize(actor, "read");
  // The name column is one of two fixed identifiers, never input.
  const name = locale === "fr" ? `coalesce(c."nameFr", c."nameEn")` : `c."nameEn"`;
  const kept = await cachedRead(
    user,
    "country-options",
    async () => {
      const { rows } = await pool().query<{ iso3: string; name: string }>(`
        WITH RECURSIVE ${distinctCountries("presence_countries", '"Presence"')}, ${distinctCountries("event_countries", '"AccessEvent"')}
        SELECT c.iso3, ${name} AS name FROM "Country" c
        WHERE c.iso3 IN (SELECT iso3 FROM presence_countries UNION SELECT iso3 FROM event_countries)
        ORDER BY ${name} COLLATE "und-x-icu"`);
      return JSON.stringify(rows);
    },
    locale,
  );
  return JSON.parse(kept) as { iso3: string; name: string }[];
}

/** Every country, for choosing where an organisation works. */
export async function listAllCountries(actor: Actor | null): Promise<{ iso3: string; iso2: string; name: string; nameFr: string }[]> {
  authorize(actor, "read");
  const { rows } = await pool().query<{ iso3: string; iso2: string; name: string; nameFr: string }>(
    `SELECT iso3, iso2, "nameEn" AS name, "nameFr" FROM "Country" ORDER BY "nameEn" COLLATE "und-x-icu"`,
  );
  return rows;
}

export async function getCountry(actor: Actor | null, iso3: string) {
  authorize(actor, "read");
  if (!ISO3_CODE.test(iso3)) return null;
  return db().country.findUnique({ where: { iso3: iso3.toUpperCase() } });
}

/**
 * For the API and exports: a country filter must name a country (a page shows an empty
 * table instead). Throws BadQueryError naming the parameter.
 */
export async function assertKnownCountry(iso3: string | undefined): Promise<void> {
  if (iso3 === undefined) return;
  const found = await db().country.findUnique({ where: { iso3 }, select: { iso3: true } });
  if (!found) throw new BadQueryError("country", `No country has the code ${iso3}. Use an ISO 3166 alpha-3 code, e.g. NER.`);
}

/**
 * Every country's name in a language, by ISO3 code: French from the names the app already
 * holds (Country.nameFr, from world-countries). Read once per request.
 */
export const countryNamesIn = cache(async (actor: Actor | null, locale: Locale): Promise<Map<string, string>> => {
  authorize(actor, "read");
  const countries = await db().country.findMany({ select: { iso3: true, nameEn: true, nameFr: true } });
  return new Map(countries.map((c) => [c.iso3, locale === "fr" && c.nameFr ? c.nameFr : c.nameEn]));
});
