// The current status of a presence is derived from its events; this is the one rule for it.
import type { DatePrecision, ReviewState, Status } from "./vocabulary";

export interface ProjectableEvent {
  id: number;
  resultingStatus: Status | null;
  occurredOn: Date;
  datePrecision: DatePrecision;
  peopleAffected: number | null;
  reviewState: ReviewState;
}

export interface PresenceProjection {
  status: Status | null;
  since: Date | null;
  sincePrecision: DatePrecision | null;
  peopleAffected: number | null;
  /** Ids of the events that establish the current status (oldest first). */
  statusEventIds: number[];
}

/** Events in time order; same-day events in the order they were recorded. */
export function compareEvents(a: ProjectableEvent, b: ProjectableEvent): number {
  return a.occurredOn.getTime() - b.occurredOn.getTime() || a.id - b.id;
}

/**
 * Projects a presence's status from its events, optionally as of a date (inclusive).
 * - Only published events that lead to a status count.
 * - The latest such event gives the status.
 * - "Since" is the first event of the unbroken run of events that led to that status
 *   (a withdrawal completed after an order to leave does not move "expelled since").
 * - People affected is the latest figure given within that run.
 */
export function projectPresence(events: readonly ProjectableEvent[], asOf?: Date): PresenceProjection {
  const relevant = events
    .filter((e) => e.reviewState === "PUBLISHED" && e.resultingStatus !== null)
    .filter((e) => !asOf || e.occurredOn.getTime() <= asOf.getTime())
    .sort(compareEvents);
  const latest = relevant.at(-1);
  if (!latest) {
    return { status: null, since: null, sincePrecision: null, peopleAffected: null, statusEventIds: [] };
  }
  let runStart = relevant.length - 1;
  while (runStart > 0 && relevant[runStart - 1]!.resultingStatus === latest.resultingStatus) runStart -= 1;
  const run = relevant.slice(runStart);
  const first = run[0]!;
  const withPeople = run.filter((e) => e.peopleAffected !== null).at(-1);
  return {
    status: latest.resultingStatus,
    since: first.occurredOn,
    sincePrecision: first.datePrecision,
    peopleAffected: withPeople?.peopleAffected ?? null,
    statusEventIds: run.map((e) => e.id),
  };
}
