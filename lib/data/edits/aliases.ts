import "server-only";
// An organisation's other names (aliases): added and removed by analysts, each audited in its
// own transaction. Two aliases of one organisation never fold to the same text (a unique
// index on search_fold(name) in the migration review_aliases_imports).
import { db, TRANSACTION_OPTIONS } from "@/lib/db";
import { aliasSchema } from "@/lib/domain/edit-schemas";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/domain/actor";
import { recordAudit } from "@/lib/data/audit";
import { DuplicateError, NotFoundError, RuleError } from "@/lib/domain/errors";
import { foldForSearch } from "@/lib/domain/search-text";

export interface AliasView {
  id: number;
  name: string;
  language: string | null;
  acronym: boolean;
  source: { id: number; publisher: string; title: string; url: string | null } | null;
}

export async function listAliases(actor: Actor | null, organisationId: number): Promise<AliasView[]> {
  authorize(actor, "read");
  if (!Number.isSafeInteger(organisationId)) return [];
  const aliases = await db().organisationAlias.findMany({
    where: { organisationId },
    orderBy: [{ acronym: "desc" }, { name: "asc" }],
    select: { id: true, name: true, language: true, acronym: true, source: { select: { id: true, publisher: true, title: true, url: true } } },
  });
  return aliases;
}

export async function addAlias(actor: Actor | null, organisationId: number, input: unknown): Promise<AliasView> {
  const user = authorize(actor, "editOrganisations");
  const alias = aliasSchema.parse(input);
  if (!Number.isSafeInteger(organisationId) || organisationId < 1) throw new NotFoundError("This organisation");
  try {
    return await db().$transaction(async (tx) => {
      const organisation = await tx.organisation.findUnique({ where: { id: organisationId }, select: { name: true, acronym: true } });
      if (!organisation) throw new NotFoundError("This organisation");
      const folded = foldForSearch(alias.name);
      if (foldForSearch(organisation.name) === folded || (organisation.acronym && foldForSearch(organisation.acronym) === folded)) {
        throw new RuleError("This is already the organisation's name or acronym.", "name");
      }
      const created = await tx.organisationAlias.create({
        data: { organisationId, name: alias.name, language: alias.language ?? null, acronym: alias.acronym ?? false },
        select: { id: true, name: true, language: true, acronym: true },
      });
      await recordAudit(tx, {
        actorId: user.id,
        action: "organisation.addAlias",
        entityType: "Organisation",
        entityId: String(organisationId),
        after: { aliasId: created.id, name: created.name, language: created.language, acronym: created.acronym },
      });
      return { ...created, source: null };
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DuplicateError("The organisation already has this alias.", "name");
    }
    throw error;
  }
}

export async function removeAlias(actor: Actor | null, organisationId: number, aliasId: number): Promise<void> {
  const user = authorize(actor, "editOrganisations");
  await db().$transaction(async (tx) => {
    const alias = Number.isSafeInteger(aliasId) ? await tx.organisationAlias.findUnique({ where: { id: aliasId } }) : null;
    if (!alias || alias.organisationId !== organisationId) throw new NotFoundError("This alias");
    await tx.organisationAlias.delete({ where: { id: aliasId } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "organisation.removeAlias",
      entityType: "Organisation",
      entityId: String(organisationId),
      before: { aliasId, name: alias.name, language: alias.language, acronym: alias.acronym },
    });
  }, TRANSACTION_OPTIONS);
}
