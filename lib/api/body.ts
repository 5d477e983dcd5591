import "server-only";
// Reading a JSON request body: size-limited, and only from the app's own pages when the
// caller is authenticated by its session cookie (a cross-site form cannot write).
import { bearerToken } from "@/lib/auth/api-token";
import { FOREIGN_ORIGIN_MESSAGE, fromOwnOrigin } from "@/lib/security/origin";
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

/** A write authenticated by cookie must come from this site (see lib/security/origin.ts). */
export function foreignOrigin(request: Request): Response | null {
  if (bearerToken(request.headers.get("authorization")) !== null) return null;
  return fromOwnOrigin(request.headers) ? null : apiError(403, "forbidden", FOREIGN_ORIGIN_MESSAGE);
}
