import "server-only";
import { isDatabaseUnavailable } from "@/lib/db";
// JSON errors with a stable code and a clear message, the same for every API route; an
// unexpected failure is logged and answered with a generic message, never its details.
import { ZodError } from "zod";
import { ForbiddenError, UnauthenticatedError } from "@/lib/domain/permissions";
import { RateLimitedError } from "@/lib/domain/rate-limits";
import { InvalidCursorError } from "@/lib/data/tables";
import { UnknownUserError } from "@/lib/data/api-tokens";
import { ConflictError, NotFoundError, RuleError } from "@/lib/data/errors";
import { DuplicateError } from "@/lib/data/edits/organisations";
import type { ErrorCode } from "./schemas";


export interface FieldIssue {
  param: string;
  message: string;
}

export function apiError(status: number, code: ErrorCode, message: string, issues?: FieldIssue[], extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { code, message, ...(issues ? { issues } : {}), ...extra } }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

export const badRequest = (issues: FieldIssue[]) =>
  apiError(400, "bad_request", `Invalid query: ${issues.map((i) => `${i.param}: ${i.message}`).join("; ")}`, issues);

/** Maps the errors the data layer throws on purpose to answers; anything else is a 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof UnauthenticatedError) return apiError(401, "unauthenticated", "Sign in, or send an API token as 'Authorization: Bearer <token>'.");
  if (error instanceof ForbiddenError) return apiError(403, "forbidden", error.message);
  if (error instanceof RateLimitedError) {
    return apiError(429, "rate_limited", error.message, undefined, { retryAfterSeconds: error.retryAfterSeconds }, { "Retry-After": String(error.retryAfterSeconds) });
  }
  if (error instanceof NotFoundError) return apiError(404, "not_found", error.message);
  if (error instanceof ConflictError) return apiError(409, "conflict", error.message, undefined, { current: error.current });
  if (error instanceof RuleError) return apiError(422, "invalid_input", error.message, [{ param: error.field, message: error.message }]);
  if (error instanceof DuplicateError) return apiError(409, "conflict", error.message, [{ param: error.field, message: error.message }]);
  if (error instanceof InvalidCursorError) return apiError(400, "bad_request", error.message, [{ param: "cursor", message: error.message }]);
  if (error instanceof UnknownUserError) return apiError(422, "invalid_input", error.message, [{ param: "email", message: error.message }]);
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ param: i.path.join(".") || "body", message: i.message }));
    return apiError(422, "invalid_input", "Some fields are not valid.", issues);
  }
  if (isDatabaseUnavailable(error)) return apiError(503, "unavailable", "The database is unavailable. Try again in a moment.");
  console.error("[api] unexpected error", error);
  return apiError(500, "internal", "Something went wrong on our side. It has been logged.");
}
