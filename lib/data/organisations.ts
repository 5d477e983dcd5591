import "server-only";
// One organisation's details, for its page and its edit form; organisations found by
// name for the pickers and for the similar-name warning.
import { db, pool } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { anyContains } from "@/lib/data/search-sql";
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

/** Up to `limit` organisations whose name, acronym or IATI identifier contains the text (ignoring case and accents), by name. */
export async function searchOrganisations(actor: Actor | null, text: string, limit = 20): Promise<OrganisationOption[]> {
  authorize(actor, "read");
  const q = text.trim().slice(0, 100);
  const where = q ? Prisma.sql`WHERE ${anyContains([Prisma.sql`o.name`, Prisma.sql`o.acronym`, Prisma.sql`o."iatiId"`], q)}` : Prisma.empty;
  const sql = Prisma.sql`SELECT o.id, o.name, o.acronym FROM "Organisation" o ${where} ORDER BY o.name COLLATE "und-x-icu", o.id LIMIT ${limit}`;
  return (await pool().query<OrganisationOption>(sql.text, sql.values)).rows;
}

/**
 * Organisations a new one might duplicate: the same name or acronym once case and accents
 * are set aside ("Medecins sans frontieres" is "Médecins Sans Frontières"), or the same
 * acronym as the new name, or the new acronym as their name.
 */
export async function findSimilarOrganisations(actor: Actor | null, name: string, acronym: string | null): Promise<OrganisationOption[]> {
  authorize(actor, "read");
  const words = [name, acronym].map((w) => w?.trim()).filter((w): w is string => Boolean(w));
  if (!words.length) return [];
  const same = (expr: Prisma.Sql) =>
    Prisma.join(
      words.map((w) => Prisma.sql`public.search_fold(${expr}) = public.search_fold(${w})`),
      " OR ",
    );
  const sql = Prisma.sql`SELECT o.id, o.name, o.acronym FROM "Organisation" o
    WHERE ${same(Prisma.sql`o.name`)} OR ${same(Prisma.sql`o.acronym`)} ORDER BY o.name COLLATE "und-x-icu" LIMIT 5`;
  return (await pool().query<OrganisationOption>(sql.text, sql.values)).rows;
}
