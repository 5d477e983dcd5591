import "server-only";
// Publishing a draft, or returning it to its author with a comment. Publishing is when an
// event starts to count: its month totals, and its presence's status, recomputed in the same
// transaction. A constraint's parts (one event per presence) are published with it.
import { db, TRANSACTION_OPTIONS, type Tx } from "@/lib/db";
import { authorize, type Actor } from "@/lib/domain/actor";
import { publishSchema, returnDraftSchema } from "@/lib/domain/edit-schemas";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "@/lib/domain/errors";
import { mayPublish } from "@/lib/domain/review";
import { requireReview } from "@/lib/env";
import { recordAudit } from "@/lib/data/audit";
import { recountEvent } from "@/lib/data/projections/event-month-totals";
import { refreshPresenceProjection } from "@/lib/data/projections/presence-projection-store";

type EventRecord = NonNullable<Awaited<ReturnType<Tx["accessEvent"]["findUnique"]>>>;

/** The draft at the version the reviewer saw, claimed (its version moved on by one). */
async function claimDraft(tx: Tx, eventId: number, version: number): Promise<EventRecord> {
  const before = await tx.accessEvent.findUnique({ where: { id: Number.isSafeInteger(eventId) ? eventId : -1 } });
  if (!before) throw new NotFoundError("This event");
  if (before.reviewState !== "DRAFT") {
    throw new RuleError(before.reviewState === "PUBLISHED" ? "This event is already published." : "This event was retracted: it cannot be published.");
  }
  if (before.parentEventId !== null) throw new RuleError("This event is part of a constraint: publish the constraint it belongs to.");
  const claimed = await tx.accessEvent.updateMany({ where: { id: eventId, version, reviewState: "DRAFT" }, data: { version: { increment: 1 } } });
  if (claimed.count === 0) {
    throw new ConflictError({
      record: "event",
      now: { version: before.version, summary: before.summary, reviewState: before.reviewState, updatedAt: before.updatedAt.toISOString() },
    });
  }
  return before;
}

/** Publishes drafts inside the caller's transaction: counted from now on, statuses recomputed. Returns the presences touched. */
export async function publishDrafts(tx: Tx, drafts: EventRecord[], publisherId: number): Promise<Set<number>> {
  const now = new Date();
  const presences = new Set<number>();
  for (const draft of drafts) {
    const after = await tx.accessEvent.update({
      where: { id: draft.id },
      data: { reviewState: "PUBLISHED", publishedAt: now, publishedById: publisherId, returnedAt: null },
    });
    await recountEvent(tx, draft, after);
    if (after.presenceId) presences.add(after.presenceId);
  }
  for (const presenceId of presences) {
    if (await refreshPresenceProjection(tx, presenceId)) {
      await tx.presence.update({ where: { id: presenceId }, data: { version: { increment: 1 } } });
    }
  }
  return presences;
}

export async function publishEvent(actor: Actor | null, eventId: number, input: unknown): Promise<{ id: number; version: number; reviewState: "PUBLISHED" }> {
  const user = authorize(actor, "editEvents");
  const { version } = publishSchema.parse(input);
  return db().$transaction(async (tx) => {
    const draft = await claimDraft(tx, eventId, version);
    if (!mayPublish(draft.authorId, user.id, requireReview())) throw new ForbiddenError("fourEyes");
    const parts = await tx.accessEvent.findMany({ where: { parentEventId: draft.id, reviewState: "DRAFT" } });
    const presences = await publishDrafts(tx, [draft, ...parts], user.id);
    await recordAudit(tx, {
      actorId: user.id,
      action: "event.publish",
      entityType: "AccessEvent",
      entityId: String(draft.id),
      before: { reviewState: "DRAFT", version },
      after: { reviewState: "PUBLISHED", version: version + 1, authorId: draft.authorId, parts: parts.map((p) => p.id), presences: [...presences] },
    });
    return { id: draft.id, version: version + 1, reviewState: "PUBLISHED" as const };
  }, TRANSACTION_OPTIONS);
}

export async function returnDraft(actor: Actor | null, eventId: number, input: unknown): Promise<{ id: number; version: number }> {
  const user = authorize(actor, "editEvents");
  const { version, comment } = returnDraftSchema.parse(input);
  return db().$transaction(async (tx) => {
    const draft = await claimDraft(tx, eventId, version);
    await tx.accessEvent.update({ where: { id: draft.id }, data: { returnedAt: new Date(), reviewComment: comment } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "event.return",
      entityType: "AccessEvent",
      entityId: String(draft.id),
      before: { version },
      after: { version: version + 1, comment, authorId: draft.authorId },
    });
    return { id: draft.id, version: version + 1 };
  }, TRANSACTION_OPTIONS);
}
