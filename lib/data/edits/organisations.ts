import "server-only";
// Adding and editing organisations, and adding a presence (an organisation in a new
// country). Each write is validated, role-checked and audited in one transaction.
import { db, TRANSACTION_OPTIONS } from "@/lib/db";
import { organisationEditSchema, organisationSchema, presenceSchema } from "@/lib/domain/edit-schemas";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/domain/actor";
import { moveOrganisationType } from "@/lib/data/projections/status-count-history";
import { recordAudit } from "@/lib/data/audit";
import { ConflictError, DuplicateError, NotFoundError } from "@/lib/domain/errors";
import { presenceName } from "@/lib/domain/format";
import { writeStatusEvent } from "./status-change";

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export async function createOrganisation(actor: Actor | null, input: unknown): Promise<{ id: number }> {
  const user = authorize(actor, "editOrganisations");
  const data = organisationSchema.parse(input);
  try {
    return await db().$transaction(async (tx) => {
      const organisation = await tx.organisation.create({
        data: { name: data.name, acronym: data.acronym ?? null, type: data.type, iatiId: data.iatiId ?? null, website: data.website ?? null },
      });
      await recordAudit(tx, { actorId: user.id, action: "organisation.create", entityType: "Organisation", entityId: String(organisation.id), after: data });
      return { id: organisation.id };
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateError("Another organisation already has this IATI identifier.", "iatiId");
    throw error;
  }
}

/** Edits the fields given; refused if the record changed since `updatedAt` (what the editor loaded). */
export async function updateOrganisation(actor: Actor | null, id: number, input: unknown): Promise<{ id: number; updatedAt: string }> {
  const user = authorize(actor, "editOrganisations");
  const { updatedAt, ...changes } = organisationEditSchema.parse(input);
  try {
    return await db().$transaction(async (tx) => {
      const before = await tx.organisation.findUnique({ where: { id: Number.isSafeInteger(id) ? id : -1 } });
      if (!before) throw new NotFoundError("This organisation");
      const claimed = await tx.organisation.updateMany({
        where: { id, updatedAt: new Date(updatedAt) },
        data: {
          ...(changes.name !== undefined && { name: changes.name }),
          ...("acronym" in changes && { acronym: changes.acronym ?? null }),
          ...(changes.type !== undefined && { type: changes.type }),
          ...("iatiId" in changes && { iatiId: changes.iatiId ?? null }),
          ...("website" in changes && { website: changes.website ?? null }),
          updatedAt: new Date(),
        },
      });
      if (claimed.count === 0) {
        const { name, acronym, type, iatiId: iati, website } = before;
        throw new ConflictError({ record: "organisation", now: { name, acronym, type, iatiId: iati, website, updatedAt: before.updatedAt.toISOString() } });
      }
      const after = await tx.organisation.findUniqueOrThrow({ where: { id } });
      await moveOrganisationType(tx, id, before.type, after.type);
      const pick = (o: typeof after) => ({ name: o.name, acronym: o.acronym, type: o.type, iatiId: o.iatiId, website: o.website });
      await recordAudit(tx, {
        actorId: user.id,
        action: "organisation.update",
        entityType: "Organisation",
        entityId: String(id),
        before: pick(before),
        after: pick(after),
      });
      return { id, updatedAt: after.updatedAt.toISOString() };
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateError("Another organisation already has this IATI identifier.", "iatiId");
    throw error;
  }
}

/**
 * An organisation in a new country, with its first sourced event (the forms always send
 * one; the API may leave it out): one transaction, so a presence never exists without the
 * status it was recorded with. A presence that exists already is named, with its id, so
 * that the form can offer it instead.
 */
export async function createPresence(
  actor: Actor | null,
  input: unknown,
): Promise<{ id: number; version: number; eventId?: number; status?: string | null; reviewState?: "DRAFT" | "PUBLISHED" }> {
  const user = authorize(actor, "editOrganisations");
  const { organisationId, countryIso3, event } = presenceSchema.parse(input);
  if (event) authorize(actor, "editEvents");
  try {
    return await db().$transaction(async (tx) => {
      const [organisation, country] = await Promise.all([
        tx.organisation.findUnique({ where: { id: organisationId } }),
        tx.country.findUnique({ where: { iso3: countryIso3 } }),
      ]);
      if (!organisation) throw new NotFoundError("This organisation");
      if (!country) throw new NotFoundError("This country");
      const existing = await tx.presence.findUnique({ where: { organisationId_countryIso3: { organisationId, countryIso3 } } });
      if (existing) throw duplicatePresence(organisation.name, country.nameEn, existing.id);
      const presence = await tx.presence.create({ data: { organisationId, countryIso3 } });
      await recordAudit(tx, {
        actorId: user.id,
        action: "presence.create",
        entityType: "Presence",
        entityId: String(presence.id),
        after: { organisationId, countryIso3 },
      });
      if (!event) return { id: presence.id, version: presence.version };
      await tx.presence.update({ where: { id: presence.id }, data: { version: { increment: 1 } } });
      const written = await writeStatusEvent(tx, user.id, presence, event);
      return {
        id: presence.id,
        version: written.presence.version,
        eventId: written.eventId,
        status: written.presence.status,
        reviewState: written.reviewState,
      };
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    // Two analysts adding the same presence at once: the second finds it taken.
    if (isUniqueViolation(error)) throw new DuplicateError("This organisation is already recorded in this country.", "countryIso3");
    throw error;
  }
}

const duplicatePresence = (organisation: string, country: string, presenceId: number) =>
  new DuplicateError(`${presenceName(organisation, country)} is already recorded (presence ${presenceId}): change its status instead.`, "countryIso3");
