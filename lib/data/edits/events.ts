import "server-only";
// Editing, retracting and citing events. Each runs in one transaction with its audit entry;
// edits and retractions are guarded by the event's version; the presence's status is then
// recomputed, so a retracted or re-dated event changes it exactly as the rule says.
import { db, TRANSACTION_OPTIONS, type Tx } from "@/lib/db";
import { kindStatusProblem } from "@/lib/domain/kind-status";
import { SUBTYPE, subtypeProblem } from "@/lib/domain/constraints";
import { eventEditSchema, linkSourceSchema, retractionSchema } from "@/lib/domain/edit-schemas";
import { startOfPeriod } from "@/lib/domain/partial-date";
import { isoDate } from "@/lib/domain/view";
import { authorize, type Actor } from "@/lib/domain/actor";
import { recountEvent } from "@/lib/data/projections/event-month-totals";
import { refreshPresenceProjection } from "@/lib/data/projections/presence-projection-store";
import { sourceIdFor } from "./sources";
import { recordAudit } from "@/lib/data/audit";
import { ConflictError, NotFoundError, RuleError } from "@/lib/domain/errors";

type EventRecord = NonNullable<Awaited<ReturnType<Tx["accessEvent"]["findUnique"]>>>;

const snapshot = (e: EventRecord) => ({
  kind: e.kind,
  category: e.category,
  subtype: e.subtype,
  resultingStatus: e.resultingStatus,
  occurredOn: isoDate(e.occurredOn),
  datePrecision: e.datePrecision,
  summary: e.summary,
  peopleAffected: e.peopleAffected,
  confidence: e.confidence,
  reviewState: e.reviewState,
  version: e.version,
});

/**
 * Recomputes the presence's status; when it changed, its version moves on too, so that a
 * status change prepared against the old status is refused as a conflict, not applied blind.
 */
async function recomputeStatus(tx: Tx, presenceId: number): Promise<void> {
  if (await refreshPresenceProjection(tx, presenceId)) {
    await tx.presence.update({ where: { id: presenceId }, data: { version: { increment: 1 } } });
  }
}

/** Claims the event at the version the editor saw; throws when it moved on or is retracted. */
async function claim(tx: Tx, eventId: number, version: number): Promise<EventRecord> {
  const before = await tx.accessEvent.findUnique({ where: { id: Number.isSafeInteger(eventId) ? eventId : -1 } });
  if (!before) throw new NotFoundError("This event");
  if (before.reviewState === "RETRACTED") throw new RuleError("This event was retracted: it stays in the history as it was and cannot be changed.");
  const claimed = await tx.accessEvent.updateMany({ where: { id: eventId, version }, data: { version: { increment: 1 } } });
  if (claimed.count === 0) {
    throw new ConflictError({
      record: "event",
      now: { version: before.version, summary: before.summary, reviewState: before.reviewState, updatedAt: before.updatedAt.toISOString() },
    });
  }
  return before;
}

export async function editEvent(actor: Actor | null, eventId: number, input: unknown): Promise<{ id: number; version: number }> {
  const user = authorize(actor, "editEvents");
  const { version, ...changes } = eventEditSchema.parse(input);
  return db().$transaction(async (tx) => {
    const before = await claim(tx, eventId, version);
    const precision = changes.datePrecision ?? before.datePrecision;
    const occurredOn = changes.occurredOn ?? before.occurredOn;
    if (changes.resultingStatus !== undefined && changes.resultingStatus !== null && before.presenceId === null) {
      throw new RuleError("An event about a whole country leads to no organisation's status.", "resultingStatus");
    }
    const subtype = changes.subtype === undefined ? before.subtype : changes.subtype;
    const category = changes.category !== undefined ? changes.category : changes.subtype ? SUBTYPE[changes.subtype].category : before.category;
    const subtypeFit = subtypeProblem(category, subtype);
    if (subtypeFit) throw new RuleError(subtypeFit, "subtype");
    const kindStatus = kindStatusProblem(changes.kind ?? before.kind, changes.resultingStatus === undefined ? before.resultingStatus : changes.resultingStatus);
    if (kindStatus) throw new RuleError(kindStatus, changes.kind !== undefined ? "kind" : "resultingStatus");
    const after = await tx.accessEvent.update({
      where: { id: eventId },
      data: {
        ...(changes.kind !== undefined && { kind: changes.kind }),
        ...((changes.category !== undefined || changes.subtype !== undefined) && { category, subtype }),
        ...(changes.resultingStatus !== undefined && { resultingStatus: changes.resultingStatus }),
        ...((changes.occurredOn !== undefined || changes.datePrecision !== undefined) && {
          occurredOn: startOfPeriod(occurredOn, precision),
          datePrecision: precision,
        }),
        ...(changes.summary !== undefined && { summary: changes.summary }),
        ...(changes.peopleAffected !== undefined && { peopleAffected: changes.peopleAffected }),
        ...(changes.confidence !== undefined && { confidence: changes.confidence }),
      },
    });
    await recountEvent(tx, before, after);
    if (after.presenceId) await recomputeStatus(tx, after.presenceId);
    await recordAudit(tx, {
      actorId: user.id,
      action: "event.update",
      entityType: "AccessEvent",
      entityId: String(eventId),
      before: snapshot(before),
      after: snapshot(after),
    });
    return { id: eventId, version: after.version };
  }, TRANSACTION_OPTIONS);
}

export async function retractEvent(actor: Actor | null, eventId: number, input: unknown, now = new Date()): Promise<{ id: number; version: number }> {
  const user = authorize(actor, "editEvents");
  const { version, reason } = retractionSchema.parse(input);
  return db().$transaction(async (tx) => {
    const before = await claim(tx, eventId, version);
    const after = await tx.accessEvent.update({
      where: { id: eventId },
      data: { reviewState: "RETRACTED", retractedAt: now, retractionReason: reason, retractedById: user.id },
    });
    await recountEvent(tx, before, after);
    if (after.presenceId) await recomputeStatus(tx, after.presenceId);
    await recordAudit(tx, {
      actorId: user.id,
      action: "event.retract",
      entityType: "AccessEvent",
      entityId: String(eventId),
      before: snapshot(before),
      after: { ...snapshot(after), retractionReason: reason },
    });
    return { id: eventId, version: after.version };
  }, TRANSACTION_OPTIONS);
}

/** Cites one more source for an event (an existing one, or a new one), with its quote and claim. */
export async function linkSource(actor: Actor | null, eventId: number, input: unknown): Promise<{ sourceId: number }> {
  const user = authorize(actor, "editEvents");
  const { source, claim: claimText } = linkSourceSchema.parse(input);
  return db().$transaction(async (tx) => {
    const event = await tx.accessEvent.findUnique({ where: { id: Number.isSafeInteger(eventId) ? eventId : -1 } });
    if (!event) throw new NotFoundError("This event");
    if (event.reviewState === "RETRACTED") throw new RuleError("This event was retracted: it stays in the history as it was and cannot be changed.");
    const sourceId = await sourceIdFor(tx, source);
    if (await tx.eventSource.findUnique({ where: { eventId_sourceId: { eventId, sourceId } } })) {
      throw new RuleError("This source is already cited for this event.", "source");
    }
    await tx.eventSource.create({ data: { eventId, sourceId, quote: source.quote ?? null, claim: claimText ?? null } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "event.linkSource",
      entityType: "AccessEvent",
      entityId: String(eventId),
      after: { sourceId, quote: source.quote ?? null, claim: claimText ?? null },
    });
    return { sourceId };
  }, TRANSACTION_OPTIONS);
}
