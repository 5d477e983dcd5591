import "server-only";
// The one wrapper for server actions: find the signed-in user, parse the input with zod,
// run the data-layer function (which checks the role), and answer with our own messages
// only (saas-starter's validatedActionWithUser, dub's throwIfNoPermission).
import type { z } from "zod";
import { currentActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/domain/actor";
import { findTextIssues } from "@/lib/domain/text";
import { describeError, UNEXPECTED, UnauthenticatedError, type Conflict } from "@/lib/domain/errors";
import { getLocale } from "@/lib/i18n/server";
import { localiseServerMessage } from "@/lib/i18n/server-messages";
import { recordWrite } from "@/lib/data/read-routing";

export interface ActionFailure {
  ok: false;
  error: string;
  fieldErrors?: Record<string, string>;
  /** Set when someone else changed the record meanwhile: which record, and how it is now. */
  conflict?: Conflict;
}

export type ActionResult<T = undefined> = { ok: true; value: T } | ActionFailure;

export function action<S extends z.ZodType, T>(schema: S, run: (actor: Actor | null, input: z.output<S>) => Promise<T>) {
  return async (input: unknown): Promise<ActionResult<T>> => {
    try {
      const actor = await currentActor();
      if (!actor) throw new UnauthenticatedError();
      const textIssues = findTextIssues(input);
      if (textIssues.length) return inReadersLanguage(textFailure(input, textIssues));
      const value = await run(actor, schema.parse(input));
      // With a replica, this user's next reads (this response's page too) see this write.
      await recordWrite(actor);
      return { ok: true, value };
    } catch (error) {
      return inReadersLanguage(failure(error));
    }
  };
}

/** A failure as the person at the form reads it: in French on a French page (lib/i18n/server-messages.ts). */
async function inReadersLanguage(result: ActionFailure): Promise<ActionFailure> {
  const locale = await getLocale().catch(() => "en" as const);
  if (locale === "en") return result;
  const say = (message: string) => localiseServerMessage(message, locale);
  return {
    ...result,
    error: say(result.error),
    ...(result.fieldErrors ? { fieldErrors: Object.fromEntries(Object.entries(result.fieldErrors).map(([key, message]) => [key, say(message)])) } : {}),
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

/** The answer to any error an action meets, from the one error vocabulary (lib/domain/errors.ts). */
export function failure(error: unknown): ActionFailure {
  const answer = describeError(error);
  if (!answer) console.error("[action] unexpected error", error);
  const { formMessage, issues, conflict } = answer ?? UNEXPECTED;
  return {
    ok: false,
    error: formMessage,
    ...(issues ? { fieldErrors: Object.fromEntries(issues.map((i) => [i.param, i.message])) } : {}),
    ...(conflict ? { conflict } : {}),
  };
}
