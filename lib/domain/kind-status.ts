// Which statuses each kind of event may lead to: the one table the status form, the event
// editor and the v1 API all check, so "an arrival that leads to expelled" is refused
// everywhere with the same message. Every kind may also lead to no status (an event that
// is recorded for the record without changing where the presence stands).
import { EVENT_KIND_LABELS, STATUS_LABELS, STATUSES, type EventKind, type Status } from "./vocabulary";

export const KIND_STATUSES: Record<EventKind, readonly Status[]> = {
  // An exit, or the loss of what allowed the work: out, or (while the exit is under way,
  // or for part of the country) restricted.
  ORDER_TO_LEAVE: ["EXPELLED", "RESTRICTED"],
  LICENCE_REVOKED: ["EXPELLED", "RESTRICTED"],
  AGREEMENT_TERMINATED: ["EXPELLED", "RESTRICTED"],
  OFFICE_CLOSED: ["EXPELLED", "RESTRICTED"],
  // A completed withdrawal leaves nobody behind.
  WITHDRAWAL_COMPLETED: ["EXPELLED"],
  // A suspension or a restriction limits the work; it does not end it.
  OPERATIONS_SUSPENDED: ["RESTRICTED"],
  RESTRICTION_IMPOSED: ["RESTRICTED"],
  // A lifted restriction may leave others in place; a readmission or an arrival may come
  // with conditions.
  RESTRICTION_LIFTED: ["OPERATING", "RESTRICTED"],
  READMITTED: ["OPERATING", "RESTRICTED"],
  ARRIVAL: ["OPERATING", "RESTRICTED"],
  OTHER: STATUSES,
};

export function kindMayLeadTo(kind: EventKind, status: Status | null): boolean {
  return status === null || KIND_STATUSES[kind].includes(status);
}

/** The kinds that may lead to a status, in vocabulary order: the status form's choices. */
export function kindsLeadingTo(status: Status): EventKind[] {
  return (Object.keys(KIND_STATUSES) as EventKind[]).filter((kind) => KIND_STATUSES[kind].includes(status));
}

/** Why a kind cannot lead to a status, in words for the form and the API; null when it can. */
export function kindStatusProblem(kind: EventKind, status: Status | null): string | null {
  if (kindMayLeadTo(kind, status)) return null;
  const allowed = KIND_STATUSES[kind].map((s) => STATUS_LABELS[s].toLowerCase());
  const list = allowed.length === 1 ? allowed[0] : `${allowed.slice(0, -1).join(", ")} or ${allowed.at(-1)}`;
  return `${EVENT_KIND_LABELS[kind]} cannot lead to ${STATUS_LABELS[status!].toLowerCase()}: it may lead to ${list}, or to no change of status.`;
}
