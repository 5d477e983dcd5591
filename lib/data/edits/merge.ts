import "server-only";
// Merging two organisations that turn out to be one: everything of the one merged moves to
// the one kept, in one transaction. Its presences move (or, where both are recorded in one
// country, combine into the kept presence, whose status is then recomputed from the events of
// both), the constraints naming it name the kept one, its aliases move and its name and
// acronym become aliases. Its id is remembered (MergedOrganisation), so old links still lead
// somewhere. The status counters of every country touched are recounted.
import { db, TRANSACTION_OPTIONS, type Tx } from "@/lib/db";
import { mergeSchema } from "@/lib/domain/edit-schemas";
import { authorize, type Actor } from "@/lib/domain/actor";
import { recordAudit } from "@/lib/data/audit";
import { NotFoundError, RuleError } from "@/lib/domain/errors";
import { foldForSearch } from "@/lib/domain/search-text";
import { STATUSES } from "@/lib/domain/vocabulary";
import { countersOf, recountStatusHistory } from "@/lib/data/projections/status-count-history";
import { refreshPresenceProjection } from "@/lib/data/projections/presence-projection-store";

export interface MergeResult {
  keptId: number;
  mergedId: number;
  movedPresences: number[];
  combinedPresences: { from: number; into: number }[];
  aliasesAdded: string[];
}

/** Merges organisation `input.organisationId` into `keptId`. */
export async function mergeOrganisations(actor: Actor | null, keptId: number, input: unknown): Promise<MergeResult> {
  const user = authorize(actor, "editOrganisations");
  const { organisationId: mergedId } = mergeSchema.parse(input);
  if (!Number.isSafeInteger(keptId) || keptId < 1) throw new NotFoundError("This organisation");
  if (mergedId === keptId) throw new RuleError("An organisation cannot be merged into itself.", "organisationId");
  return db().$transaction(async (tx) => {
    // Both rows locked in id order, so two merges of the same pair cannot deadlock.
    const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Organisation" WHERE id IN (${keptId}, ${mergedId}) ORDER BY id FOR UPDATE`;
    if (!locked.some((o) => o.id === keptId)) throw new NotFoundError("This organisation");
    if (!locked.some((o) => o.id === mergedId)) throw new NotFoundError("The organisation to merge");
    const [kept, merged] = await Promise.all([
      tx.organisation.findUniqueOrThrow({ where: { id: keptId }, include: { aliases: true } }),
      tx.organisation.findUniqueOrThrow({ where: { id: mergedId }, include: { aliases: true, presences: { include: { areas: true } } } }),
    ]);
    const keptPresences = await tx.presence.findMany({ where: { organisationId: keptId } });
    const keptByCountry = new Map(keptPresences.map((p) => [p.countryIso3, p]));

    const movedPresences: number[] = [];
    const combinedPresences: { from: number; into: number }[] = [];
    for (const presence of merged.presences) {
      const into = keptByCountry.get(presence.countryIso3);
      if (!into) {
        await tx.presence.update({ where: { id: presence.id }, data: { organisationId: keptId, version: { increment: 1 } } });
        movedPresences.push(presence.id);
        continue;
      }
      await combinePresence(
        tx,
        presence.id,
        into.id,
        presence.areas.map((a) => a.areaCode),
      );
      combinedPresences.push({ from: presence.id, into: into.id });
    }

    // Constraints that named the merged organisation name the kept one (once).
    await tx.$executeRaw`
      DELETE FROM "EventOrganisation" m WHERE m."organisationId" = ${mergedId}
        AND EXISTS (SELECT 1 FROM "EventOrganisation" k WHERE k."eventId" = m."eventId" AND k."organisationId" = ${keptId})`;
    await tx.eventOrganisation.updateMany({ where: { organisationId: mergedId }, data: { organisationId: keptId } });

    const aliasesAdded = await moveAliases(tx, kept, merged);
    const iatiMoves = !kept.iatiId && merged.iatiId;
    await tx.organisationAlias.deleteMany({ where: { organisationId: mergedId } });
    await tx.mergedOrganisation.updateMany({ where: { mergedIntoId: mergedId }, data: { mergedIntoId: keptId } });
    await tx.mergedOrganisation.create({ data: { id: mergedId, mergedIntoId: keptId, name: merged.name, mergedById: user.id } });
    await tx.organisation.delete({ where: { id: mergedId } });
    await tx.organisation.update({
      where: { id: keptId },
      data: { updatedAt: new Date(), ...(iatiMoves ? { iatiId: merged.iatiId } : {}), ...(!kept.website && merged.website ? { website: merged.website } : {}) },
    });

    // The counters of every country either organisation is in, under both types.
    const countries = new Set([...merged.presences, ...keptPresences].map((p) => p.countryIso3));
    await recountStatusHistory(
      tx,
      [...countries].flatMap((iso3) => [...countersOf(iso3, kept.type, STATUSES), ...countersOf(iso3, merged.type, STATUSES)]),
    );

    const snapshot = (o: typeof kept) => ({ id: o.id, name: o.name, acronym: o.acronym, type: o.type, iatiId: o.iatiId, website: o.website });
    await recordAudit(tx, {
      actorId: user.id,
      action: "organisation.merge",
      entityType: "Organisation",
      entityId: String(keptId),
      before: { kept: snapshot(kept), merged: snapshot(merged) },
      after: { mergedId, movedPresences, combinedPresences, aliasesAdded, ...(iatiMoves ? { iatiId: merged.iatiId } : {}) },
    });
    return { keptId, mergedId, movedPresences, combinedPresences, aliasesAdded };
  }, TRANSACTION_OPTIONS);
}

/**
 * Two presences in one country become the kept one: the other's events and areas move to it,
 * the other (now without events) is removed, and the status is recomputed from all the events.
 */
async function combinePresence(tx: Tx, fromId: number, intoId: number, areas: string[]): Promise<void> {
  await tx.accessEvent.updateMany({ where: { presenceId: fromId }, data: { presenceId: intoId } });
  if (areas.length) await tx.presenceArea.createMany({ data: areas.map((areaCode) => ({ presenceId: intoId, areaCode })), skipDuplicates: true });
  await tx.presence.delete({ where: { id: fromId } }); // its status periods go with it (cascade)
  await tx.presence.update({ where: { id: intoId }, data: { version: { increment: 1 } } });
  await refreshPresenceProjection(tx, intoId);
}

type WithAliases = {
  id: number;
  name: string;
  acronym: string | null;
  aliases: { name: string; language: string | null; acronym: boolean; sourceId: number | null }[];
};

/** The merged organisation's aliases, name and acronym, as aliases of the kept one unless it already has them. */
async function moveAliases(tx: Tx, kept: WithAliases, merged: WithAliases): Promise<string[]> {
  const taken = new Set([kept.name, kept.acronym ?? "", ...kept.aliases.map((a) => a.name)].filter(Boolean).map(foldForSearch));
  const candidates = [
    { name: merged.name, language: null, acronym: false, sourceId: null },
    ...(merged.acronym ? [{ name: merged.acronym, language: null, acronym: true, sourceId: null }] : []),
    ...merged.aliases,
  ];
  const added: string[] = [];
  for (const alias of candidates) {
    const folded = foldForSearch(alias.name);
    if (taken.has(folded)) continue;
    taken.add(folded);
    await tx.organisationAlias.create({
      data: { organisationId: kept.id, name: alias.name, language: alias.language, acronym: alias.acronym, sourceId: alias.sourceId },
    });
    added.push(alias.name);
  }
  return added;
}

/** Where a merged organisation's id leads now, or null if it was never merged. */
export async function mergedInto(organisationId: number): Promise<number | null> {
  if (!Number.isSafeInteger(organisationId)) return null;
  const row = await db().mergedOrganisation.findUnique({ where: { id: organisationId }, select: { mergedIntoId: true } });
  return row?.mergedIntoId ?? null;
}
