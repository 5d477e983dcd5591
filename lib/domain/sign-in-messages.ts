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

export type SignInError = keyof typeof SIGN_IN_ERROR_MESSAGES;

/** The message to show for what next-auth reported (null when nothing went wrong). */
export function signInErrorMessage(reported: string | null | undefined): string | null {
  const key = signInError(reported);
  return key && SIGN_IN_ERROR_MESSAGES[key];
}

/** Which of our messages next-auth reported (the page shows it in the reader's language). */
export function signInError(reported: string | null | undefined): SignInError | null {
  if (!reported) return null;
  if (reported === "CredentialsSignin") return "invalid";
  if (!KNOWN.has(reported)) return "failed";
  return (Object.keys(SIGN_IN_ERROR_MESSAGES) as SignInError[]).find((key) => SIGN_IN_ERROR_MESSAGES[key] === reported) ?? "failed";
}
