// Starts the real app the way a user does (`npm start` = scripts/start.ts) and stops it
// with SIGINT, as Ctrl-C would.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

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
