// API tokens: 32 random bytes, shown once; only their SHA-256 is stored. A fast hash is
// right here (unlike passwords): the token has 256 bits of entropy, so it cannot be guessed
// from its hash, and checking it on every API call must be cheap.
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "am_";

export function generateApiToken(): { token: string; hash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The token in an `Authorization: Bearer …` header, or null when there is no such header. */
export function bearerToken(header: string | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : "";
}
