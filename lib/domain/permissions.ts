// Which role may do what: the single table every server action, route handler and
// data-layer function consults. Hiding a button is never the check.
import type { Role } from "./vocabulary";

export const ACTIONS = [
  "read", // dashboards, tables, event details
  "export", // CSV / XLSX / JSON / HXL downloads
  "editEvents", // status changes, event edits and retractions, sources
  "editOrganisations", // organisations and presences
  "readAudit",
  "manageUsers",
  "manageApiTokens",
] as const;
export type Action = (typeof ACTIONS)[number];

const GRANTS: Record<Role, readonly Action[]> = {
  VIEWER: ["read", "export"],
  ANALYST: ["read", "export", "editEvents", "editOrganisations", "readAudit"],
  ADMIN: ACTIONS,
};

/** What a read-only API token may do, whatever its user's role. */
export const READ_ONLY_ACTIONS: readonly Action[] = ["read", "export", "readAudit"];

export function can(role: Role, action: Action): boolean {
  return GRANTS[role].includes(action);
}

/** Why a request was refused: the role, a read-only token, or a one-time password not yet replaced. */
export type ForbiddenReason = "role" | "readOnlyToken" | "passwordChange";

const FORBIDDEN_MESSAGES: Record<ForbiddenReason, string> = {
  role: "Your role does not allow this.",
  readOnlyToken: "This API token is read-only: it may list and export, not change anything.",
  passwordChange: "Choose your own password first (Account → Change password): the one you were given works only once.",
};

export class ForbiddenError extends Error {
  constructor(public readonly action: Action, public readonly reason: ForbiddenReason = "role") {
    super(FORBIDDEN_MESSAGES[reason]);
    this.name = "ForbiddenError";
  }
}

export class UnauthenticatedError extends Error {
  constructor() {
    super("Please sign in.");
    this.name = "UnauthenticatedError";
  }
}
