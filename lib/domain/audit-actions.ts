// Every action the audit log records: one closed list, so that a filter can offer them and
// a typo cannot write an action nobody searches for.
export const AUDIT_ACTIONS = [
  "presence.statusChange",
  "presence.create",
  "presence.setAreas",
  "organisation.create",
  "organisation.update",
  "organisation.addAlias",
  "organisation.removeAlias",
  "organisation.merge",
  "event.update",
  "event.retract",
  "event.linkSource",
  "event.recordConstraint",
  "event.publish",
  "event.return",
  "assessment.create",
  "assessment.edit",
  "assessment.publish",
  "import.commit",
  "import.undo",
  "area.setPcode",
  "user.create",
  "user.changeRole",
  "user.disable",
  "user.enable",
  "user.resetPassword",
  "apiToken.issue",
  "apiToken.revoke",
  "feed.create",
  "feed.revoke",
  /** A feed read by its reader (at most one entry an hour per feed, so polling does not fill the log). */
  "feed.read",
  "webhook.create",
  "webhook.disable",
  "webhook.resend",
  "export",
  // Authentication: who signed in or tried to, from which address (never a password or a token).
  "auth.signIn",
  "auth.signInFailed",
  "auth.lockout",
  "auth.signOut",
  "auth.signOutEverywhere",
  "auth.passwordChange",
  "auth.apiTokenRefused",
  "auth.feedTokenRefused",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an audit entry is about: one closed list, the audit table's entity filter. */
export const AUDIT_ENTITY_TYPES = [
  "Presence",
  "Organisation",
  "AccessEvent",
  "Area",
  "User",
  "ApiToken",
  "FeedToken",
  "WebhookSubscription",
  "Table",
  "Import",
  "Assessment",
] as const;

export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** The entity types as the audit log's filter names them. */
export const AUDIT_ENTITY_LABELS: Record<AuditEntityType, string> = {
  Presence: "Presence",
  Organisation: "Organisation",
  AccessEvent: "Event",
  Area: "Area",
  User: "User",
  ApiToken: "API token",
  FeedToken: "Feed",
  WebhookSubscription: "Webhook",
  Table: "Table (exports)",
  Import: "Import",
  Assessment: "Assessment",
};

export const AUDIT_ENTITY_LABELS_FR: Record<AuditEntityType, string> = {
  Presence: "Présence",
  Organisation: "Organisation",
  AccessEvent: "Événement",
  Area: "Zone",
  User: "Utilisateur",
  ApiToken: "Jeton d'API",
  FeedToken: "Flux",
  WebhookSubscription: "Webhook",
  Table: "Table (exports)",
  Import: "Import",
  Assessment: "Évaluation",
};
