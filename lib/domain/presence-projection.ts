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

/** The projection over one stretch of time: from `validFrom` up to (not including) `validUntil`. */
export interface StatusPeriod {
  validFrom: Date;
  /** The first day of the next period; null while it still holds. */
  validUntil: Date | null;
  status: NonNullable<PresenceProjection["status"]>;
  since: Date;
  sincePrecision: NonNullable<PresenceProjection["sincePrecision"]>;
  sinceEventId: number;
  peopleAffected: number | null;
}

/**
 * The presence's status history: one period per day on which a status event happened, each
 * holding what projectPresence(events, that day) gives until the next such day. So the
 * status as of any date is the period containing it (none before the first event).
 */
export function projectPeriods(events: readonly ProjectableEvent[]): StatusPeriod[] {
  const relevant = events.filter((e) => e.reviewState === "PUBLISHED" && e.resultingStatus !== null).sort(compareEvents);
  const periods: StatusPeriod[] = [];
  for (let i = 0; i < relevant.length; i += 1) {
    const day = relevant[i]!.occurredOn.getTime();
    if (i + 1 < relevant.length && relevant[i + 1]!.occurredOn.getTime() === day) continue; // the day's last event decides
    const state = projectPresence(relevant.slice(0, i + 1));
    const previous = periods.at(-1);
    if (previous) previous.validUntil = relevant[i]!.occurredOn;
    periods.push({
      validFrom: relevant[i]!.occurredOn,
      validUntil: null,
      status: state.status!,
      since: state.since!,
      sincePrecision: state.sincePrecision!,
      sinceEventId: state.statusEventIds[0]!,
      peopleAffected: state.peopleAffected,
    });
  }
  return periods;
}
