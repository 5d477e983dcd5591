// Files the embedded demo keeps under its data folder.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./build";

export function dataDirectory(): string {
  return path.resolve(ROOT, process.env.ACCESS_MONITOR_DATA_DIR ?? ".data");
}

/** A random AUTH_SECRET generated on first start and kept, so sessions survive restarts. */
export function demoAuthSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
