// How long API tokens live: long enough for a script, short enough that a forgotten token
// stops by itself. Shown in the form, applied by lib/data/api-tokens.ts.
export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 730;

/** Why a token stopped working, in words (revokedReason in the database). */
export const TOKEN_END_LABELS: Record<string, string> = {
  revoked: "Revoked",
  userDisabled: "Ended: its user was disabled",
  passwordReset: "Ended: its user's password was reset",
};
