import "server-only";
// One organisation's details, for its page and its edit form; organisations found by
// name for the pickers and for the similar-name warning.
import { db, pool } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { organisationMatches } from "@/lib/data/search-sql";
import { authorize, type Actor } from "@/lib/domain/actor";

export async function getOrganisation(actor: Actor | null, id: number) {
  authorize(actor, "read");
  if (!Number.isSafeInteger(id) || id < 1) return null;
  return db().organisation.findUnique({
    where: { id },
    select: { id: true, name: true, acronym: true, type: true, iatiId: true, website: true, updatedAt: true },
  });
}

export interface OrganisationOption {
  id: number;
  name: string;
  acronym: string | null;
}

/** Up to `limit` organisations whose name, acronym, IATI identifier or an alias contains the text (ignoring case and accents), by name. */
export async function searchOrganisations(actor: Actor | null, text: string, limit = 20): Promise<OrganisationOption[]> {
  authorize(actor, "read");
  const q = text.trim().slice(0, 100);
  const where = q ? Prisma.sql`WHERE ${organisationMatches("o", q, { iati: true })}` : Prisma.empty;
  const sql = Prisma.sql`SELECT o.id, o.name, o.acronym FROM "Organisation" o ${where} ORDER BY o.name COLLATE "und-x-icu", o.id LIMIT ${limit}`;
  return (await pool().query<OrganisationOption>(sql.text, sql.values)).rows;
}

/**
 * Organisations a new one might duplicate: the same name, acronym or alias once case and
 * accents are set aside ("Medecins sans frontieres" is "Médecins Sans Frontières"), the
 * new name or acronym as any of those, or the same IATI identifier.
 */
export async function findSimilarOrganisations(
  actor: Actor | null,
  name: string,
  acronym: string | null,
  iatiId: string | null = null,
): Promise<OrganisationOption[]> {
  authorize(actor, "read");
  const words = [name, acronym].map((w) => w?.trim()).filter((w): w is string => Boolean(w));
  const iati = iatiId?.trim();
  if (!words.length && !iati) return [];
  const folded = words.length ? Prisma.sql`ARRAY[${Prisma.join(words.map((w) => Prisma.sql`public.search_fold(${w})`))}]` : Prisma.sql`ARRAY[]::text[]`;
  const sql = Prisma.sql`SELECT o.id, o.name, o.acronym FROM "Organisation" o
    WHERE public.search_fold(o.name) = ANY(${folded}) OR public.search_fold(o.acronym) = ANY(${folded})
       OR o.id IN (SELECT a."organisationId" FROM "OrganisationAlias" a WHERE public.search_fold(a.name) = ANY(${folded}))
       ${iati ? Prisma.sql`OR upper(o."iatiId") = upper(${iati})` : Prisma.empty}
    ORDER BY o.name COLLATE "und-x-icu" LIMIT 5`;
  return (await pool().query<OrganisationOption>(sql.text, sql.values)).rows;
}
