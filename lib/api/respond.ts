import "server-only";
// JSON errors with a stable code and a clear message, the same for every API route, from the
// one error vocabulary (lib/domain/errors.ts); an unexpected failure is logged and answered
// with a generic message, never its details.
import { describeError, ERROR_STATUS, errorBody, UNEXPECTED, type ErrorCode, type FieldIssue } from "@/lib/domain/errors";

export type { FieldIssue };

export function apiError(
  code: ErrorCode,
  message: string,
  issues?: FieldIssue[],
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return Response.json(errorBody(code, message, { ...(issues ? { issues } : {}), ...extra }), {
    status: ERROR_STATUS[code],
    headers: { "Cache-Control": "no-store", ...headers },
  });
}

export const badRequest = (issues: FieldIssue[]) =>
  apiError("bad_request", `Invalid query: ${issues.map((i) => `${i.param}: ${i.message}`).join("; ")}`, issues);

/** The answer to any error a route meets: the vocabulary's for errors thrown on purpose, else a logged 500. */
export function errorResponse(error: unknown): Response {
  const answer = describeError(error);
  if (!answer) console.error("[api] unexpected error", error);
  const { code, message, issues, retryAfterSeconds, conflict } = answer ?? UNEXPECTED;
  return apiError(
    code,
    message,
    issues,
    { ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}), ...(conflict ? { current: conflict.now } : {}) },
    retryAfterSeconds !== undefined ? { "Retry-After": String(retryAfterSeconds) } : {},
  );
}
