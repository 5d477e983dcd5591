// The only messages the sign-in page ever shows about a failed attempt. next-auth passes
// an error's text through the URL and its response, so anything else (an internal error, a
// crafted ?error= link) is replaced by the generic one.
export const SIGN_IN_ERROR_MESSAGES = {
  invalid: "Email or password is not correct.",
  throttled: "Too many failed attempts. Please wait a little and try again.",
  unavailable: "Sign-in is not possible right now: the database cannot be reached. Please try again in a moment.",
  failed: "Sign-in failed. Please try again.",
} as const;

const KNOWN: ReadonlySet<string> = new Set(Object.values(SIGN_IN_ERROR_MESSAGES));

/** The message to show for what next-auth reported (null when nothing went wrong). */
export function signInErrorMessage(reported: string | null | undefined): string | null {
  if (!reported) return null;
  if (reported === "CredentialsSignin") return SIGN_IN_ERROR_MESSAGES.invalid;
  return KNOWN.has(reported) ? reported : SIGN_IN_ERROR_MESSAGES.failed;
}
