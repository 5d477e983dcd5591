// Starts the real app the way a user does (`npm start` = scripts/start.ts) and stops it
// with SIGINT, as Ctrl-C would.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";
import { commandOf, descendants } from "./process-memory";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface AppProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves when the app prints that it is ready; rejects if it exits first. */
  ready: Promise<void>;
  stop: () => Promise<number | null>;
}

export function startApp(env: Record<string, string | undefined>, readyTimeoutMs = 600_000): AppProcess {
  const childEnv = {} as NodeJS.ProcessEnv;
  for (const [key, value] of Object.entries({ ...process.env, ...env })) {
    if (value !== undefined) childEnv[key] = value;
  }
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env: childEnv,
    detached: true, // its own process group, so that a failed test can still kill every child
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The app was not ready in time:\n${output}`)), readyTimeoutMs);
    timer.unref();
    const check = () => {
      if (output.includes("Press Ctrl-C to stop.")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The app exited (code ${code}) before it was ready:\n${output}`));
    });
  });
  ready.catch(() => {});

  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode !== null) return child.exitCode;
    child.kill("SIGINT");
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), 30_000)));
    const code = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    if (code === "timeout") {
      process.kill(-child.pid!, "SIGKILL");
      throw new Error(`The app did not stop within 30 s after SIGINT:\n${output}`);
    }
    return code;
  };
  return { child, output: () => output, ready, stop };
}

export interface ThrowawayApp {
  app: AppProcess;
  /** http://localhost:PORT, the URL the app was started for (NEXTAUTH_URL). */
  base: string;
  /** The `next start` process, where requests are handled (for memory figures). */
  serverPid: () => number;
  stop: () => Promise<void>;
}

/**
 * The real app in a temporary data folder on a free port: an embedded, freshly seeded demo
 * database unless `env` gives a DATABASE_URL. For benchmarks and tests that need their own
 * instance; `stop()` stops it and removes the folder.
 */
export async function startThrowawayApp(env: Record<string, string | undefined> = {}): Promise<ThrowawayApp> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "access-monitor-app-"));
  const port = await freePort();
  const app = startApp({ DATABASE_URL: undefined, AUTH_SECRET: undefined, ...env, ACCESS_MONITOR_DATA_DIR: dataDir, PORT: String(port) });
  const stop = async () => {
    await app.stop().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await app.ready;
  } catch (error) {
    await stop();
    throw error;
  }
  return { app, base: `http://localhost:${port}`, serverPid: () => nextServerPid(app), stop };
}

/** The `next start` process under an app started by startApp (where requests are handled). */
export function nextServerPid(app: AppProcess): number {
  const pid = descendants(app.child.pid!).find((candidate) => /next(\/dist\/bin\/next)? start|next-server/.test(commandOf(candidate)));
  if (!pid) throw new Error("Could not find the Next.js server process");
  return pid;
}
