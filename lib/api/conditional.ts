import "server-only";
// Conditional GETs: every read of the API carries an ETag (a hash of the body, so it
// changes exactly when the answer does) and Last-Modified (when the published data last
// changed); a client that sends back If-None-Match, or If-Modified-Since without it,
// gets 304 and no body when nothing changed. Last-Modified has one-second precision, so
// the ETag is the exact test (HTTP gives If-None-Match precedence for that reason).
import { createHash } from "node:crypto";
import { dataLastModified } from "@/lib/data/changes";

const HEADERS = { "Cache-Control": "private, no-cache", Vary: "Authorization, Cookie" };

function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

function matches(ifNoneMatch: string, etag: string): boolean {
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === etag);
}

function notModifiedSince(ifModifiedSince: string, lastModified: Date): boolean {
  const since = Date.parse(ifModifiedSince);
  return Number.isFinite(since) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
}

export const conditionalJson = (request: Request, payload: unknown) => conditionalBody(request, JSON.stringify(payload), "application/json");

/** A body (JSON, an Atom document) answered conditionally. */
export async function conditionalBody(request: Request, body: string, contentType: string): Promise<Response> {
  const etag = etagOf(body);
  const lastModified = await dataLastModified();
  const headers: Record<string, string> = { ...HEADERS, ETag: etag, ...(lastModified ? { "Last-Modified": lastModified.toUTCString() } : {}) };
  const ifNoneMatch = request.headers.get("if-none-match");
  const ifModifiedSince = request.headers.get("if-modified-since");
  const unchanged =
    ifNoneMatch !== null ? matches(ifNoneMatch, etag) : ifModifiedSince !== null && lastModified !== null && notModifiedSince(ifModifiedSince, lastModified);
  if (unchanged) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, "Content-Type": contentType } });
}
