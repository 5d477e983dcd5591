import "server-only";
// The one wrapper for server actions: find the signed-in user, parse the input with zod,
// run the data-layer function (which checks the role), and answer with our own messages
// only (saas-starter's validatedActionWithUser, dub's throwIfNoPermission).
import { ZodError, type z } from "zod";
import { currentActor } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/db";
import type { Actor } from "@/lib/data/actor";
import { DuplicateError } from "@/lib/data/edits/organisations";
import { DuplicateEmailError } from "@/lib/data/users";
import { ConflictError, NotFoundError, RuleError, type PresenceNow } from "@/lib/data/errors";
import { ForbiddenError, UnauthenticatedError } from "@/lib/domain/permissions";
import { RateLimitedError } from "@/lib/domain/rate-limits";
import { findTextIssues } from "@/lib/domain/text";

export interface ActionFailure {
  ok: false;
  error: string;
  fieldErrors?: Record<string, string>;
  /** Set when someone else changed the record meanwhile: how it is now. */
  conflict?: PresenceNow;
}

export type ActionResult<T = undefined> = { ok: true; value: T } | ActionFailure;

export function action<S extends z.ZodType, T>(schema: S, run: (actor: Actor | null, input: z.output<S>) => Promise<T>) {
  return async (input: unknown): Promise<ActionResult<T>> => {
    try {
      const actor = await currentActor();
      if (!actor) throw new UnauthenticatedError();
      const textIssues = findTextIssues(input);
      if (textIssues.length) return textFailure(input, textIssues);
      return { ok: true, value: await run(actor, schema.parse(input)) };
    } catch (error) {
      return failure(error);
    }
  };
}

/**
 * Text that breaks the base rule anywhere in the input (lib/domain/text.ts). Forms key their
 * errors by field name within what they send, so a wrapper such as `{ presenceId, change }`
 * is left out of the key: "change.summary" is shown at the form's "summary".
 */
function textFailure(input: unknown, issues: { path: string; message: string }[]): ActionFailure {
  const fieldKey = (path: string) => {
    const [first, ...rest] = path.split(".");
    const wrapped = input && typeof input === "object" ? (input as Record<string, unknown>)[first!] : undefined;
    return rest.length && wrapped && typeof wrapped === "object" && !Array.isArray(wrapped) ? rest.join(".") : path;
  };
  return { ok: false, error: "Some fields need attention.", fieldErrors: Object.fromEntries(issues.map((i) => [fieldKey(i.path), i.message])) };
}

export function failure(error: unknown): ActionFailure {
  if (error instanceof ConflictError) return { ok: false, error: error.message, conflict: error.current as PresenceNow };
  if (error instanceof NotFoundError) return { ok: false, error: error.message };
  if (error instanceof RuleError) return { ok: false, error: error.message, fieldErrors: { [error.field]: error.message } };
  if (error instanceof DuplicateEmailError) return { ok: false, error: error.message, fieldErrors: { email: error.message } };
  if (error instanceof DuplicateError) return { ok: false, error: error.message, fieldErrors: { [error.field]: error.message } };
  if (error instanceof UnauthenticatedError) return { ok: false, error: "Your session has ended. Sign in again." };
  if (error instanceof ForbiddenError) return { ok: false, error: error.message };
  if (error instanceof RateLimitedError) return { ok: false, error: error.message };
  if (error instanceof ZodError) {
    const fieldErrors = Object.fromEntries(error.issues.map((i) => [i.path.join(".") || "form", i.message]));
    return { ok: false, error: "Some fields need attention.", fieldErrors };
  }
  if (isDatabaseUnavailable(error)) {
    return { ok: false, error: "The database cannot be reached right now. Nothing was changed; please try again in a moment." };
  }
  console.error("[action] unexpected error", error);
  return { ok: false, error: "Something went wrong on our side. Nothing was changed; please try again." };
}
