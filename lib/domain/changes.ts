// The change log's vocabulary and its cursor: what a change can be (written by the database
// triggers of migration 20261203163212_data_changes, which use these exact strings), and the
// opaque position a client polls from.

export const CHANGE_KINDS = [
  /** A new event, or a draft published. */
  "event.published",
  /** A published event edited (a new version). */
  "event.corrected",
  /** A published event withdrawn, with a reason: it stays readable, counted nowhere. */
  "event.retracted",
  /** A presence's status or its start date changed (a projection of its events). */
  "presence.statusChanged",
  /** A presence removed by a merge (its events now belong to the surviving presence). */
  "presence.removed",
  "organisation.created",
  "organisation.updated",
  /** A duplicate merged into another organisation (organisationId): its id now redirects. */
  "organisation.merged",
  /** An assessment version published (a new assessment, or a new version of one). */
  "assessment.published",
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  "event.published": "Event published",
  "event.corrected": "Event corrected",
  "event.retracted": "Event retracted",
  "presence.statusChanged": "Status changed",
  "presence.removed": "Presence removed (merge)",
  "organisation.created": "Organisation added",
  "organisation.updated": "Organisation edited",
  "organisation.merged": "Organisation merged",
  "assessment.published": "Assessment published",
};

/** Where a change's entity is read in the API (a presence: the presences list narrowed to it), by the trigger's entity type. */
export function changeEntityPath(change: { entityType: string; entityId: number; countryIso3: string | null; organisationId: number | null }): string | null {
  switch (change.entityType) {
    case "AccessEvent":
      return `/api/v1/events/${change.entityId}`;
    case "Organisation":
      return `/api/v1/organisations/${change.entityId}`;
    case "Assessment":
      return `/api/v1/assessments/${change.entityId}`;
    case "Presence":
      return change.countryIso3 && change.organisationId ? `/api/v1/presences?organisation=${change.organisationId}&country=${change.countryIso3}` : null;
    default:
      return null;
  }
}

/** The position of a change in the log: its transaction id, then its sequence number. */
export interface ChangePosition {
  txid: bigint;
  seq: bigint;
}

const PREFIX = "c1.";
const DIGITS = /^\d{1,19}$/;
const MAX_BIGINT = 2n ** 63n - 1n;

export function encodeChangeCursor(position: ChangePosition): string {
  return PREFIX + Buffer.from(`${position.txid}.${position.seq}`).toString("base64url");
}

/** The position in a cursor, or null when it is not one this log made. */
export function decodeChangeCursor(cursor: string): ChangePosition | null {
  if (!cursor.startsWith(PREFIX) || cursor.length > 80) return null;
  const parts = Buffer.from(cursor.slice(PREFIX.length), "base64url").toString("utf8").split(".");
  if (parts.length !== 2 || !parts.every((part) => DIGITS.test(part))) return null;
  const [txid, seq] = parts.map(BigInt) as [bigint, bigint];
  return txid <= MAX_BIGINT && seq <= MAX_BIGINT ? { txid, seq } : null;
}

/** The v1 lists that take `updatedSince`, with the entity type of their rows in the log. */
export const UPDATED_SINCE_TABLES = { events: "AccessEvent", organisations: "Organisation", presences: "Presence" } as const;
export type UpdatedSinceTable = keyof typeof UPDATED_SINCE_TABLES;

export const CHANGE_KIND_LABELS_FR: Record<ChangeKind, string> = {
  "event.published": "Événement publié",
  "event.corrected": "Événement corrigé",
  "event.retracted": "Événement retiré",
  "presence.statusChanged": "Statut changé",
  "presence.removed": "Présence supprimée (fusion)",
  "organisation.created": "Organisation ajoutée",
  "organisation.updated": "Organisation modifiée",
  "organisation.merged": "Organisation fusionnée",
  "assessment.published": "Évaluation publiée",
};
