// Every action the audit log records: one closed list, so that a filter can offer them and
// a typo cannot write an action nobody searches for.
export const AUDIT_ACTIONS = [
  "presence.statusChange",
  "presence.create",
  "organisation.create",
  "organisation.update",
  "event.update",
  "event.retract",
  "event.linkSource",
  "user.create",
  "user.changeRole",
  "user.disable",
  "user.enable",
  "user.resetPassword",
  "apiToken.issue",
  "apiToken.revoke",
  "export",
  // Authentication: who signed in or tried to, from which address (never a password or a token).
  "auth.signIn",
  "auth.signInFailed",
  "auth.lockout",
  "auth.signOut",
  "auth.signOutEverywhere",
  "auth.passwordChange",
  "auth.apiTokenRefused",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
