// Which role may do what: the single table every server action, route handler and
// data-layer function consults. Hiding a button is never the check.
import type { Role } from "./vocabulary";

export const ACTIONS = [
  "read", // dashboards, tables, event details
  "export", // CSV / XLSX / JSON / HXL downloads
  "follow", // one's own feeds and watchlist
  "editEvents", // status changes, event edits and retractions, sources
  "editOrganisations", // organisations and presences
  "readAudit",
  "manageUsers",
  "manageApiTokens",
  "manageWebhooks",
  "manageAreas", // an area's OCHA p-code
] as const;
export type Action = (typeof ACTIONS)[number];

const GRANTS: Record<Role, readonly Action[]> = {
  VIEWER: ["read", "export", "follow"],
  ANALYST: ["read", "export", "follow", "editEvents", "editOrganisations", "readAudit"],
  ADMIN: ACTIONS,
};

/** What a read-only API token may do, whatever its user's role. */
export const READ_ONLY_ACTIONS: readonly Action[] = ["read", "export", "readAudit"];

export function can(role: Role, action: Action): boolean {
  return GRANTS[role].includes(action);
}
