// Errors the data layer throws on purpose; routes and server actions turn them into clear
// answers (404, 409), never into a stack trace.
import type { Status } from "@/lib/domain/vocabulary";

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} was not found. It may have been removed; reload the page.`);
    this.name = "NotFoundError";
  }
}

/** What the record looks like now, so that the analyst sees what changed meanwhile. */
export interface PresenceNow {
  version: number;
  status: Status | null;
  since: string | null;
  lastChange: { summary: string; occurredOn: string; by: string | null; at: string } | null;
}

export class ConflictError<Current = PresenceNow> extends Error {
  constructor(public readonly current: Current) {
    super("Someone else changed this record after you opened it. Nothing was saved: review their change, then re-apply yours.");
    this.name = "ConflictError";
  }
}

/** A request that is well-formed but breaks a rule of the domain (e.g. editing a retracted event). */
export class RuleError extends Error {
  constructor(message: string, public readonly field = "form") {
    super(message);
    this.name = "RuleError";
  }
}
