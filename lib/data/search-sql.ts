// Search that ignores case and accents, the same way on every table: both the text and
// the words searched for go through search_fold() (lower case, accents removed; see the
// migration accent_insensitive_search), so "medecins" finds "Médecins" and "COTE" finds
// "Côte d'Ivoire". The folded name, acronym and summary columns have trigram indexes.
import { Prisma } from "@/lib/generated/prisma/client";
import { containing } from "./tables/table-sql";

const fold = (expr: Prisma.Sql) => Prisma.sql`public.search_fold(${expr})`;

/** Any of the expressions contains the text, ignoring case and accents. */
export function anyContains(exprs: Prisma.Sql[], text: string): Prisma.Sql {
  const pattern = fold(Prisma.sql`${containing(text)}`);
  return Prisma.sql`(${Prisma.join(
    exprs.map((expr) => Prisma.sql`${fold(expr)} LIKE ${pattern}`),
    " OR ",
  )})`;
}

/** Organisations one of whose aliases (OrganisationAlias) contains the text: an indexed lookup. */
export const organisationIdsByAlias = (text: string) =>
  Prisma.sql`SELECT sa."organisationId" FROM "OrganisationAlias" sa WHERE ${anyContains([Prisma.sql`sa.name`], text)}`;

/**
 * An organisation (alias `alias`) whose name, acronym, IATI identifier (with `iati`) or one of
 * its aliases contains the text: "CICR" finds the ICRC once the alias is recorded.
 */
export function organisationMatches(alias: string, text: string, { iati = false } = {}): Prisma.Sql {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const own = anyContains([column("name"), column("acronym"), ...(iati ? [column("iatiId")] : [])], text);
  return Prisma.sql`(${own} OR ${column("id")} IN (${organisationIdsByAlias(text)}))`;
}

/** Presences whose organisation's name, acronym or an alias contains the text (indexed lookups on organisations). */
export const presenceIdsMatching = (text: string) =>
  Prisma.sql`SELECT sp.id FROM "Presence" sp JOIN "Organisation" so ON so.id = sp."organisationId"
    WHERE ${organisationMatches("so", text)}`;

/** Countries whose English or French name contains the text, or whose code it is. */
export const countryCodesMatching = (text: string) =>
  Prisma.sql`SELECT sc.iso3 FROM "Country" sc WHERE ${anyContains([Prisma.sql`sc."nameEn"`, Prisma.sql`sc."nameFr"`], text)} OR sc.iso3 = upper(${text})`;
