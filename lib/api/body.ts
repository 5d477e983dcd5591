import "server-only";
// Reading a JSON request body: size-limited, and only from the app's own pages when the
// caller is authenticated by its session cookie (a cross-site form cannot write).
import { bearerToken } from "@/lib/auth/api-token";
import { apiError } from "./respond";

export const MAX_BODY_BYTES = 64 * 1024;

export type BodyResult = { ok: true; value: unknown } | { ok: false; response: Response };

export async function readJsonBody(request: Request): Promise<BodyResult> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) return { ok: false, response: apiError(413, "bad_request", `The body is larger than ${MAX_BODY_BYTES / 1024} kB.`) };
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    return { ok: false, response: apiError(415, "bad_request", "Send the body as JSON (Content-Type: application/json).") };
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return { ok: false, response: apiError(413, "bad_request", `The body is larger than ${MAX_BODY_BYTES / 1024} kB.`) };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: apiError(400, "bad_request", "The body is not valid JSON.") };
  }
}

/** A write authenticated by cookie must come from this site (Origin equals the request's own origin). */
export function foreignOrigin(request: Request): Response | null {
  if (bearerToken(request.headers.get("authorization")) !== null) return null; // tokens are not sent by browsers on their own
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && host && new URL(origin).host === host) return null;
  return apiError(403, "forbidden", "Writes with a session must come from the Access Monitor site itself.");
}
