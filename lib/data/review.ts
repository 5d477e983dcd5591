import "server-only";
// The review queue: drafts waiting to be published, with their sources, newest first; and
// what happened to one event (its audit trail), for the event's page.
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/domain/actor";
import { TIMELINE_INCLUDE, toTimelineEvent, type TimelineEvent } from "./timeline";

/** The review page shows at most this many drafts; the count says how many there are. */
export const REVIEW_PAGE_SIZE = 100;

/**
 * Drafts are counted up to this many; beyond, "1,000+". The navigation counts them on every
 * page an editor opens, and an exact count reads every draft: 1.4 s for 200,000 drafts at
 * ten million synthetic events, where the capped count reads a thousand index entries.
 */
export const DRAFT_COUNT_CAP = 1_000;

/** How many drafts there are, or at least: `atLeast` when there are more than DRAFT_COUNT_CAP. */
export interface DraftCount {
  count: number;
  atLeast: boolean;
}

function capped(counted: number): DraftCount {
  return counted > DRAFT_COUNT_CAP ? { count: DRAFT_COUNT_CAP, atLeast: true } : { count: counted, atLeast: false };
}

export type DraftFilter = "all" | "mine" | "others" | "returned";

export async function listDrafts(actor: Actor | null, filter: DraftFilter = "all"): Promise<{ drafts: TimelineEvent[]; total: DraftCount }> {
  const user = authorize(actor, "editEvents");
  const where = {
    reviewState: "DRAFT" as const,
    parentEventId: null, // a constraint's parts are reviewed with it
    ...(filter === "mine" ? { authorId: user.id } : filter === "others" ? { NOT: { authorId: user.id } } : {}),
    ...(filter === "returned" ? { returnedAt: { not: null } } : {}),
  };
  const [rows, total] = await Promise.all([
    db().accessEvent.findMany({ where, include: TIMELINE_INCLUDE, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: REVIEW_PAGE_SIZE }),
    db().accessEvent.count({ where, take: DRAFT_COUNT_CAP + 1 }),
  ]);
  return { drafts: rows.map(toTimelineEvent), total: capped(total) };
}

/** How many drafts wait for review (for the navigation). */
export async function countDrafts(actor: Actor | null): Promise<DraftCount> {
  authorize(actor, "editEvents");
  // The state written into the statement, not passed as a parameter: a prepared statement's
  // generic plan cannot know that the parameter is 'DRAFT', so it cannot use the partial index
  // of the drafts and scans the events until it has counted enough.
  const [row] = await db().$queryRaw<[{ n: number }]>`SELECT count(*)::int AS n FROM (
    SELECT 1 FROM "AccessEvent" WHERE "reviewState" = 'DRAFT' AND "parentEventId" IS NULL LIMIT ${DRAFT_COUNT_CAP + 1}) drafts`;
  return capped(row.n);
}

/** The steps of an event's history, named by the page in its language (timeline.history.*). */
export type HistoryStep = "recordedDraft" | "recordedPublished" | "edited" | "published" | "returned" | "retracted" | "sourceAdded";

export interface EventHistoryEntry {
  at: Date;
  action: HistoryStep;
  by: string | null;
  comment: string | null;
}

const HISTORY_ACTIONS = [
  "presence.statusChange",
  "event.recordConstraint",
  "event.update",
  "event.publish",
  "event.return",
  "event.retract",
  "event.linkSource",
];

/** The audited steps of one event: recorded (as a draft or published), edited, returned, published, retracted. */
export async function eventHistory(actor: Actor | null, eventId: number): Promise<EventHistoryEntry[]> {
  authorize(actor, "read");
  if (!Number.isSafeInteger(eventId)) return [];
  const entries = await db().auditEntry.findMany({
    where: {
      action: { in: HISTORY_ACTIONS },
      OR: [
        { entityType: "AccessEvent", entityId: String(eventId) },
        { entityType: "Presence", after: { path: ["eventId"], equals: eventId } },
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { actor: { select: { name: true } } },
    take: 100,
  });
  return entries.map((e) => {
    const after = (e.after ?? {}) as Record<string, unknown>;
    return {
      at: e.createdAt,
      action:
        e.action === "presence.statusChange" || e.action === "event.recordConstraint"
          ? after.draft
            ? "recordedDraft"
            : "recordedPublished"
          : STEPS[e.action]!,
      by: e.actor?.name ?? null,
      comment: typeof after.comment === "string" ? after.comment : typeof after.retractionReason === "string" ? after.retractionReason : null,
    };
  });
}

const STEPS: Record<string, HistoryStep> = {
  "event.update": "edited",
  "event.publish": "published",
  "event.return": "returned",
  "event.retract": "retracted",
  "event.linkSource": "sourceAdded",
};
