// Builds the Next.js app when its sources changed since the last build (or it was never
// built). The fingerprint of the inputs is kept beside the build output.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
const INPUTS = [
  "app",
  "components",
  "lib",
  "types",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];
const SKIP = new Set(["generated", "node_modules"]);
const FINGERPRINT_FILE = path.join(ROOT, ".next", "access-monitor-fingerprint");

function listFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { withFileTypes: true })
    .filter((child) => !SKIP.has(child.name))
    .flatMap((child) => listFiles(path.join(entry, child.name)));
}

export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  for (const file of INPUTS.flatMap(listFiles).sort()) {
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(path.join(ROOT, file)))
      .update("\0");
  }
  return hash.digest("hex");
}

export function buildIsCurrent(): boolean {
  return existsSync(path.join(ROOT, ".next", "BUILD_ID")) && existsSync(FINGERPRINT_FILE) && readFileSync(FINGERPRINT_FILE, "utf8") === sourceFingerprint();
}

/** Runs `next build`, its progress shown on this terminal (or passed to `onOutput`). */
export async function buildApp(onOutput?: (chunk: string) => void): Promise<void> {
  const fingerprint = sourceFingerprint();
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: onOutput ? ["ignore", "pipe", "pipe"] : "inherit",
  });
  child.stdout?.on("data", (chunk: Buffer) => onOutput?.(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => onOutput?.(chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`next build failed (exit code ${code}).`);
  writeFileSync(FINGERPRINT_FILE, fingerprint);
}

export async function buildIfNeeded(log: (line: string) => void, onOutput?: (chunk: string) => void): Promise<void> {
  if (buildIsCurrent()) {
    log("The app is already built for these sources.");
    return;
  }
  log("Building the app (about a minute the first time)…");
  const started = Date.now();
  await buildApp(onOutput);
  log(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}
