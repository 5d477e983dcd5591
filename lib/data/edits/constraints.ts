import "server-only";
// A constraint recorded for a country in one entry: one event of the country (presenceId null)
// that names the organisations it concerns, or their types, or neither (the whole country), with
// its areas and sources. When it gives a status, each concerned presence gets its own event
// (parentEventId = the constraint) and its status recomputed by the per-presence rule, all in
// one transaction: one refusal (an organisation not present there, a version moved on) writes
// nothing.
import { ZodError } from "zod";
import { db, TRANSACTION_OPTIONS, type Tx } from "@/lib/db";
import type { AccessEvent } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/domain/actor";
import { constraintSchema, type ConstraintInput } from "@/lib/domain/edit-schemas";
import { NotFoundError } from "@/lib/domain/errors";
import { isoDate } from "@/lib/domain/view";
import { ISO3_CODE } from "@/lib/domain/vocabulary";
import { recordAudit } from "@/lib/data/audit";
import { eventRowData } from "./event-row";
import { recountEvent } from "@/lib/data/projections/event-month-totals";
import { requireReview } from "@/lib/env";
import { newEventState } from "@/lib/domain/review";
import { checkAreas, checkSourcesExist, citeSources, writeStatusEvent } from "./status-change";

export interface ConstraintResult {
  eventId: number;
  /** The presences whose status the constraint set, with the event written for each. */
  presences: { id: number; eventId: number; status: string | null; since: string | null }[];
  reviewState: "DRAFT" | "PUBLISHED";
}

/** What a country-level event says: a constraint's own fields. */
export type CountryEventFields = Pick<
  ConstraintInput,
  | "kind"
  | "category"
  | "subtype"
  | "occurredOn"
  | "datePrecision"
  | "summary"
  | "peopleAffected"
  | "confidence"
  | "areas"
  | "sources"
  | "organisationIds"
  | "organisationTypes"
>;

/**
 * The event of a country (no presence: it changes no status), its areas, the organisations or
 * types it names and its sources, counted in the month totals if published; inside the
 * caller's transaction, which checked the areas and sources.
 */
export async function writeCountryEvent(
  tx: Tx,
  userId: number,
  iso3: string,
  c: CountryEventFields,
  options: { reviewState: "DRAFT" | "PUBLISHED" },
): Promise<{ event: AccessEvent; sources: number[] }> {
  const { reviewState } = options;
  const event = await tx.accessEvent.create({
    data: {
      // A country's event changes no status: a constraint's parts do, one per presence.
      ...eventRowData(c, { presenceId: null, countryIso3: iso3, status: null, reviewState, authorId: userId }),
      organisationTypes: c.organisationTypes ?? [],
      concerns: { create: (c.organisationIds ?? []).map((organisationId) => ({ organisationId })) },
      areas: { create: c.areas.map((areaCode) => ({ areaCode })) },
    },
  });
  await recountEvent(tx, null, event);
  return { event, sources: await citeSources(tx, event.id, c.sources) };
}

export async function recordConstraint(actor: Actor | null, iso3Param: string, input: unknown): Promise<ConstraintResult> {
  const user = authorize(actor, "editEvents");
  const c = constraintSchema.parse(input);
  const iso3 = iso3Param.toUpperCase();
  if (!ISO3_CODE.test(iso3)) throw new NotFoundError("This country");
  const reviewState = newEventState(c.draft, requireReview());
  return db().$transaction(async (tx) => {
    const country = await tx.country.findUnique({ where: { iso3 }, select: { iso3: true, nameEn: true } });
    if (!country) throw new NotFoundError("This country");
    checkAreas(iso3, c.areas);
    await checkSourcesExist(tx, c.sources);

    // The presences concerned: those of the named organisations (each must be present there), or
    // every presence of the named types; none for a whole-country constraint.
    let concerned: { id: number; organisationId: number }[] = [];
    if (c.organisationIds?.length) {
      concerned = await tx.presence.findMany({
        where: { countryIso3: iso3, organisationId: { in: c.organisationIds } },
        select: { id: true, organisationId: true },
      });
      const present = new Set(concerned.map((p) => p.organisationId));
      const missing = c.organisationIds.filter((id) => !present.has(id));
      if (missing.length) {
        const names = await tx.organisation.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } });
        const label = missing.map((id) => names.find((n) => n.id === id)?.name ?? `organisation ${id} (not found)`).join(", ");
        throw new ZodError([
          {
            code: "custom",
            path: ["organisationIds"],
            message: `Not recorded in ${country.nameEn}: ${label}. Add ${missing.length === 1 ? "it" : "them"} to the country first.`,
            input: missing,
          },
        ]);
      }
    } else if (c.organisationTypes?.length && c.status) {
      concerned = await tx.presence.findMany({
        where: { countryIso3: iso3, organisation: { type: { in: c.organisationTypes } } },
        select: { id: true, organisationId: true },
        orderBy: { id: "asc" },
      });
    }

    const { event, sources } = await writeCountryEvent(tx, user.id, iso3, c, { reviewState });

    const presences: ConstraintResult["presences"] = [];
    if (c.status) {
      for (const { id } of concerned) {
        // Each part claims its presence like a status change: a concurrent edit waits, then sees the new version.
        await tx.presence.update({ where: { id }, data: { version: { increment: 1 } } });
        const before = await tx.presence.findUniqueOrThrow({ where: { id } });
        const part = await writeStatusEvent(
          tx,
          user.id,
          { ...before, version: before.version - 1 },
          {
            kind: c.kind,
            category: c.category,
            subtype: c.subtype,
            status: c.status,
            occurredOn: c.occurredOn,
            datePrecision: c.datePrecision,
            summary: c.summary,
            // The number of people is the constraint's, counted once there.
            peopleAffected: undefined,
            confidence: c.confidence,
            sources: sources.map((sourceId) => ({ sourceId })),
            areas: c.areas,
            // The parts are published with their constraint, never on their own.
            draft: reviewState === "DRAFT",
          },
          { parentEventId: event.id, reviewState },
        );
        presences.push({ id, eventId: part.eventId, status: part.presence.status, since: part.presence.since });
      }
    }

    await recordAudit(tx, {
      actorId: user.id,
      action: "event.recordConstraint",
      entityType: "AccessEvent",
      entityId: String(event.id),
      after: {
        country: iso3,
        kind: c.kind,
        category: event.category,
        subtype: event.subtype,
        occurredOn: isoDate(event.occurredOn),
        areas: c.areas,
        organisationIds: c.organisationIds ?? [],
        organisationTypes: c.organisationTypes ?? [],
        status: c.status ?? null,
        ...(reviewState === "DRAFT" ? { draft: true } : {}),
        presences: presences.map((p) => p.id),
        sources,
      },
    });
    return { eventId: event.id, presences, reviewState };
  }, TRANSACTION_OPTIONS);
}
