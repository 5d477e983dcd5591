// The one error vocabulary. Every error the app answers on purpose is an AppError with a
// code; one table gives each code its HTTP status, and `describeError` turns any error into
// the answer the API (lib/api/respond.ts), the server actions (lib/actions/action.ts) and
// the proxy (proxy.ts) give. Anything not described here is unexpected: logged, and
// answered with a generic message, never its details.
import { ZodError } from "zod";
import type { OrganisationType, Status } from "./vocabulary";

export const ERROR_CODES = [
  "unauthenticated",
  "forbidden",
  "bad_request",
  "invalid_input",
  "not_found",
  "conflict",
  "rate_limited",
  "payload_too_large",
  "unsupported_media_type",
  "method_not_allowed",
  "unavailable",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The HTTP status of each code: the only place a status is chosen for an error. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_input: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

/** Messages that differ between an API client and a person at a form. */
const GENERIC_MESSAGES = {
  unauthenticated: { api: "Sign in, or send an API token as 'Authorization: Bearer <token>'.", form: "Your session has ended. Sign in again." },
  invalid_input: { api: "Some fields are not valid.", form: "Some fields need attention." },
  unavailable: {
    api: "The database is unavailable. Try again in a moment.",
    form: "The database cannot be reached right now. Nothing was changed; please try again in a moment.",
  },
  internal: { api: "Something went wrong on our side. It has been logged.", form: "Something went wrong on our side. Nothing was changed; please try again." },
} satisfies Partial<Record<ErrorCode, { api: string; form: string }>>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field the error is about, shown beside it in a form and as `issues[0].param` in the API. */
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthenticatedError extends AppError {
  constructor() {
    super("unauthenticated", "Please sign in.");
  }
}

/** Why a request was refused: the role, a read-only token, or a one-time password not yet replaced. */
export type ForbiddenReason = "role" | "readOnlyToken" | "passwordChange" | "fourEyes";

const FORBIDDEN_MESSAGES: Record<ForbiddenReason, string> = {
  role: "Your role does not allow this.",
  readOnlyToken: "This API token is read-only: it may list and export, not change anything.",
  passwordChange: "Choose your own password first (Account → Change password): the one you were given works only once.",
  fourEyes: "Four eyes are required here: someone other than its author must publish this (REQUIRE_REVIEW is on).",
};

export class ForbiddenError extends AppError {
  constructor(readonly reason: ForbiddenReason = "role") {
    super("forbidden", FORBIDDEN_MESSAGES[reason]);
  }
}

/** A request over a budget or a cap: a 429 with Retry-After, and this message. */
export class RateLimitedError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    what = "requests",
    message?: string,
  ) {
    super("rate_limited", message ?? `Too many ${what}. Try again in ${retryAfterSeconds} s.`);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super("not_found", `${what} was not found. It may have been removed; reload the page.`);
  }
}

/** A request that is well-formed but breaks a rule of the domain (e.g. editing a retracted event). */
export class RuleError extends AppError {
  constructor(message: string, field = "form") {
    super("invalid_input", message, field);
  }
}

/** A value that must be unique is already taken (an IATI identifier, an email, a presence). */
export class DuplicateError extends AppError {
  constructor(message: string, field: string) {
    super("conflict", message, field);
  }
}

/** A name for a user that no active user has (e.g. when issuing a token for someone). */
export class UnknownUserError extends AppError {
  constructor() {
    super("invalid_input", "No active user has that email.", "email");
  }
}

/** A query parameter that is well-formed but names nothing (e.g. a country code no country has). */
export class BadQueryError extends AppError {
  constructor(param: string, message: string) {
    super("bad_request", message, param);
  }
}

export class InvalidCursorError extends AppError {
  constructor() {
    super("bad_request", "The cursor is not valid for this query. Start again without a cursor, with the same sort.", "cursor");
  }
}

/** The database did not answer: nothing was changed. */
export class UnavailableError extends AppError {
  constructor() {
    super("unavailable", GENERIC_MESSAGES.unavailable.api);
  }
}

/** What a presence looks like now, so that the analyst sees what changed meanwhile. */
export interface PresenceNow {
  version: number;
  status: Status | null;
  since: string | null;
  lastChange: { summary: string; occurredOn: string; by: string | null; at: string } | null;
}

export interface OrganisationNow {
  name: string;
  acronym: string | null;
  type: OrganisationType;
  iatiId: string | null;
  website: string | null;
  updatedAt: string;
}

export interface EventNow {
  version: number;
  summary: string;
  reviewState: string;
  updatedAt: string;
}

/** Which record changed meanwhile, and how it is now. */
export type Conflict = { record: "presence"; now: PresenceNow } | { record: "organisation"; now: OrganisationNow } | { record: "event"; now: EventNow };

export class ConflictError extends AppError {
  constructor(readonly conflict: Conflict) {
    super("conflict", "Someone else changed this record after you opened it. Nothing was saved: review their change, then re-apply yours.");
  }
}

export interface FieldIssue {
  param: string;
  message: string;
}

/** How an error is answered: to an API client (`message`) and to a person at a form (`formMessage`). */
export interface ErrorAnswer {
  code: ErrorCode;
  status: number;
  message: string;
  formMessage: string;
  issues?: FieldIssue[];
  retryAfterSeconds?: number;
  conflict?: Conflict;
}

const answer = (code: ErrorCode, message: string, rest: Partial<ErrorAnswer> = {}): ErrorAnswer => ({
  code,
  status: ERROR_STATUS[code],
  message,
  formMessage: message,
  ...rest,
});

/**
 * Whether an error means "the database cannot be reached right now" (refused, dropped,
 * shutting down or starting up, no free connection in time), as opposed to a bug or bad
 * input. Such errors become a 503 or the "database unavailable" page, never a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current = error;
  for (let depth = 0; current && typeof current === "object" && depth < 5; depth += 1) {
    const { name = "", message = "", code = "" } = current as { name?: unknown; message?: unknown; code?: unknown };
    if (UNAVAILABLE_CODE.test(String(code)) || UNAVAILABLE_MESSAGE.test(`${String(name)} ${String(message)}`)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

// PostgreSQL's connection-exception class (08) and shutdown/startup states (57P01-57P03),
// Node's socket errors, Prisma's "can't reach the server" codes.
const UNAVAILABLE_CODE = /^(08[0-9A-Z]{3}|57P0[123]|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|P1001|P1017)$/;
// pg-pool's acquire timeout and the pg driver's messages for a dropped connection.
const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|timeout exceeded when trying to connect|Connection terminated|connection is closed|Client has encountered a connection error|DatabaseNotReachable|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * The answer for an error thrown on purpose (an AppError, or zod's refusal of an input) or
 * for a database that is away; null for anything else (a bug: the caller logs it).
 */
export function describeError(error: unknown): ErrorAnswer | null {
  if (isDatabaseUnavailable(error)) error = new UnavailableError();
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ param: i.path.join(".") || "form", message: i.message }));
    return answer("invalid_input", GENERIC_MESSAGES.invalid_input.api, { formMessage: GENERIC_MESSAGES.invalid_input.form, issues });
  }
  if (!(error instanceof AppError)) return null;
  const issues = error.field ? [{ param: error.field, message: error.message }] : undefined;
  // Only these two have a wording of their own for each reader; every other error's message is meant for both.
  const generic =
    error instanceof UnauthenticatedError ? GENERIC_MESSAGES.unauthenticated : error instanceof UnavailableError ? GENERIC_MESSAGES.unavailable : null;
  return answer(error.code, generic?.api ?? error.message, {
    formMessage: generic?.form ?? error.message,
    ...(issues ? { issues } : {}),
    ...(error instanceof RateLimitedError ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    ...(error instanceof ConflictError ? { conflict: error.conflict } : {}),
  });
}

/** The answer to an error nobody expected: its details stay in the log. */
export const UNEXPECTED: ErrorAnswer = answer("internal", GENERIC_MESSAGES.internal.api, { formMessage: GENERIC_MESSAGES.internal.form });

/** The JSON body every error answer has, from the API and from the proxy alike. */
export function errorBody(code: ErrorCode, message: string, extra: { issues?: FieldIssue[]; [key: string]: unknown } = {}) {
  return { error: { code, message, ...extra } };
}
