// The one error vocabulary: each error thrown on purpose has one code, one status, and the
// same answer for the API and for a form (apart from the wording meant for each).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ConflictError,
  describeError,
  DuplicateError,
  ERROR_CODES,
  ERROR_STATUS,
  ForbiddenError,
  InvalidCursorError,
  NotFoundError,
  RateLimitedError,
  RuleError,
  UnauthenticatedError,
  UnavailableError,
  UnknownUserError,
} from "@/lib/domain/errors";

describe("the error vocabulary", () => {
  it("gives every code one HTTP status", () => {
    expect(ERROR_STATUS).toEqual({
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
    });
    expect(Object.keys(ERROR_STATUS).sort()).toEqual([...ERROR_CODES].sort());
  });

  it("answers each error class with its code, status and field, the same way for the API and for forms", () => {
    const cases: [Error, string, number, string | undefined][] = [
      [new UnauthenticatedError(), "unauthenticated", 401, undefined],
      [new ForbiddenError("readOnlyToken"), "forbidden", 403, undefined],
      [new NotFoundError("This presence"), "not_found", 404, undefined],
      [new RuleError("Retracted.", "summary"), "invalid_input", 422, "summary"],
      [new DuplicateError("A user with the email a@b.example already exists.", "email"), "conflict", 409, "email"],
      [new UnknownUserError(), "invalid_input", 422, "email"],
      [new InvalidCursorError(), "bad_request", 400, "cursor"],
      [new RateLimitedError(12, "exports"), "rate_limited", 429, undefined],
      [new UnavailableError(), "unavailable", 503, undefined],
    ];
    for (const [error, code, status, field] of cases) {
      const answer = describeError(error)!;
      expect([answer.code, answer.status, answer.issues?.[0]?.param]).toEqual([code, status, field]);
    }
  });

  it("words sign-in and database failures for the reader", () => {
    expect(describeError(new UnauthenticatedError())).toMatchObject({
      message: "Sign in, or send an API token as 'Authorization: Bearer <token>'.",
      formMessage: "Your session has ended. Sign in again.",
    });
    expect(describeError(new UnavailableError())!.formMessage).toContain("Nothing was changed");
    expect(describeError(new ForbiddenError("passwordChange"))!.message).toContain("Change password");
    expect(describeError(new RateLimitedError(7))).toMatchObject({ message: "Too many requests. Try again in 7 s.", retryAfterSeconds: 7 });
    // A rule's own message reaches the form as it is, not a generic one.
    const rule = "This is the last active admin: make someone else an admin first.";
    expect(describeError(new RuleError(rule))).toMatchObject({ message: rule, formMessage: rule, issues: [{ param: "form", message: rule }] });
  });

  it("carries a conflict's record as typed data", () => {
    const now = { version: 3, status: "RESTRICTED" as const, since: "2025-01-15", lastChange: null };
    expect(describeError(new ConflictError({ record: "presence", now }))).toMatchObject({
      code: "conflict",
      status: 409,
      conflict: { record: "presence", now },
    });
  });

  it("lists every field zod refused, and leaves other errors to the caller as unexpected", () => {
    const refused = z.object({ name: z.string(), version: z.number() }).safeParse({ name: 1 });
    const answer = describeError(refused.error)!;
    expect(answer).toMatchObject({ code: "invalid_input", status: 422, formMessage: "Some fields need attention." });
    expect(answer.issues!.map((i) => i.param)).toEqual(["name", "version"]);
    expect(describeError(new Error("connection reset by peer"))).toBeNull();
    expect(describeError("a string")).toBeNull();
  });
});
