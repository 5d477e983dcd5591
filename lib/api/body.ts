import "server-only";
// Reading a JSON request body: counted while it streams in and refused as soon as it is
// over the limit (a chunked body has no Content-Length to check first), strict UTF-8,
// every string checked with the one text rule; and only from the app's own pages when the
// caller is authenticated by its session cookie (a cross-site form cannot write).
// Routes call it after they know who the caller is, so an anonymous body is never read.
import { bearerToken } from "@/lib/auth/api-token";
import { findTextIssues } from "@/lib/domain/text";
import { FOREIGN_ORIGIN_MESSAGE, fromOwnOrigin } from "@/lib/security/origin";
import { apiError } from "./respond";

export const MAX_BODY_BYTES = 64 * 1024;

export type BodyResult = { ok: true; value: unknown } | { ok: false; response: Response };

const tooLarge = (limit: number) => ({ ok: false as const, response: apiError("payload_too_large", `The body is larger than ${limit / 1024} kB.`) });

/** The body's bytes, or null as soon as they pass `limit` (the rest is never read). */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array | null> {
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > limit) return tooLarge(limit);
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    return { ok: false, response: apiError("unsupported_media_type", "Send the body as JSON (Content-Type: application/json).") };
  }
  const bytes = await readBodyBytes(request, limit);
  if (!bytes) return tooLarge(limit);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, response: apiError("bad_request", "The body is not valid JSON in UTF-8.") };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, response: apiError("bad_request", "The body must be a JSON object ({ … }) with the fields of this endpoint.") };
  }
  const issues = findTextIssues(value);
  if (issues.length) {
    const params = issues.map((i) => ({ param: i.path, message: i.message }));
    return { ok: false, response: apiError("invalid_input", `Some fields are not valid: ${params.map((i) => `${i.param}: ${i.message}`).join("; ")}`, params) };
  }
  return { ok: true, value };
}

/** A write authenticated by cookie must come from this site (see lib/security/origin.ts). */
export function foreignOrigin(request: Request): Response | null {
  if (bearerToken(request.headers.get("authorization")) !== null) return null;
  return fromOwnOrigin(request.headers) ? null : apiError("forbidden", FOREIGN_ORIGIN_MESSAGE);
}
