// `npm start`: the whole app from one command.
// 1. PostgreSQL: DATABASE_URL if set; otherwise a real PostgreSQL embedded in .data/
//    (ACCESS_MONITOR_DATA_DIR), on a free loopback port, kept between runs.
// 2. Migrations, then the seed when the database is empty (demo users: embedded only).
// 3. `next build` when the sources changed, then `next start` on PORT (default 3000).
// Ctrl-C stops the app and then PostgreSQL cleanly.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { isNextBanner } from "./lib/next-banner";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../lib/db";
import { DEFAULT_DEMO_PASSWORD, parseEnv } from "../lib/env";
import { addAreas, DEMO_USERS, seedDatabase } from "../prisma/seed";
import { isLoopbackHost } from "../lib/domain/demo-users";
import { buildIfNeeded, ROOT } from "./lib/build";
import { dataDirectory, demoAuthSecret } from "./lib/demo-files";
import { startEmbeddedPostgres, type RunningPostgres } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrations";

const log = (line: string) => console.log(`[access-monitor] ${line}`);

let embedded: RunningPostgres | undefined;
let next: ChildProcess | undefined;

/**
 * V8 lets the heap grow far beyond what the server needs before collecting (up to a
 * quarter of RAM), so a long export would show a saw-tooth of garbage. A smaller young
 * generation and a bounded old generation keep the server's memory flat (see README,
 * "Exports": peak RSS). NODE_OPTIONS set by you wins.
 */
const SERVER_MEMORY_FLAGS = process.env.NODE_OPTIONS?.includes("max-old-space-size")
  ? []
  : [`--max-old-space-size=${Number(process.env.ACCESS_MONITOR_MAX_HEAP_MB ?? 256)}`, "--max-semi-space-size=4"];
let stopping = false;

/** Stops the web server first, then PostgreSQL (a clean "fast" shutdown), then exits. */
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  log("Stopping…");
  // A server killed by a signal (an out-of-memory abort) has a signalCode and no exitCode: it has exited too.
  if (next && next.exitCode === null && next.signalCode === null) {
    const exited = new Promise((resolve) => next!.once("exit", resolve));
    next.kill("SIGTERM");
    await exited;
  }
  if (embedded) {
    await embedded.stop();
    log("PostgreSQL stopped cleanly.");
  }
  process.exit(code);
}
// embedded-postgres installs its own exit hook, which stops PostgreSQL and exits at once,
// possibly before the web server has finished. We replace it to stop in our own order.
process.removeAllListeners("SIGINT");
process.removeAllListeners("SIGTERM");
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? "127.0.0.1";
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a number from 1 to 65535, not "${process.env.PORT}".`);
  }

  let databaseUrl = process.env.DATABASE_URL;
  let authSecret = process.env.AUTH_SECRET;
  const demo = !databaseUrl;
  if (demo) {
    const dataDir = dataDirectory();
    mkdirSync(dataDir, { recursive: true });
    log(`Starting the embedded PostgreSQL (data in ${path.relative(ROOT, dataDir) || dataDir})…`);
    embedded = await startEmbeddedPostgres({ dataDir });
    databaseUrl = await embedded.createDatabase("access_monitor");
    authSecret ??= demoAuthSecret(dataDir);
    log(`PostgreSQL is listening on 127.0.0.1:${embedded.port}.`);
  } else {
    log("Using the PostgreSQL server in DATABASE_URL (no embedded database).");
  }

  const env = parseEnv({ ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret });
  const applied = await applyMigrations(env.DATABASE_URL);
  log(applied.length ? `Applied migrations: ${applied.join(", ")}.` : "Database schema is up to date.");

  const prisma = createPrismaClient(env.DATABASE_URL, 2);
  const demoPassword = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
  try {
    if ((await prisma.country.count()) === 0) {
      log("Seeding the empty database…");
      await seedDatabase(prisma, { demoPassword: demo ? demoPassword : undefined, log });
    } else {
      const added = await addAreas(prisma);
      if (added) log(`Added ${added} first-level areas.`);
    }
  } finally {
    await prisma.$disconnect();
  }

  await buildIfNeeded(log);

  const url = `http://localhost:${port}`;
  next = spawn(
    process.execPath,
    [
      ...SERVER_MEMORY_FLAGS,
      "--require",
      path.join(ROOT, "scripts", "lib", "refuse-unsupported-methods.cjs"),
      path.join(ROOT, "node_modules", "next", "dist", "bin", "next"),
      "start",
      "-p",
      String(port),
      "-H",
      host,
    ],
    {
      cwd: ROOT,
      // stdout is filtered (below): Next's own start-up banner would print the address twice more.
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: env.DATABASE_URL,
        AUTH_SECRET: env.AUTH_SECRET,
        NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? url,
        // glibc gives each thread its own malloc arena, and memory freed in one is not returned
        // to the system: two arenas keep the server's RSS flat under concurrent exports.
        MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
        ACCESS_MONITOR_DEMO: demo ? "1" : "",
        HOST: host,
        PORT: String(port),
      },
    },
  );
  createInterface({ input: next.stdout! }).on("line", (line) => {
    if (!isNextBanner(line)) console.log(line);
  });
  next.on("exit", (code) => {
    if (!stopping) {
      log(`The web server exited (code ${code}).`);
      void stop(code ?? 1);
    }
  });

  await waitForHealth(`http://127.0.0.1:${port}/api/health`);
  log(`Access Monitor is ready at ${url}`);
  if (demo && !isLoopbackHost(host)) {
    log(`Warning: the demo database's accounts have a known password, and HOST=${host} lets other machines reach them.`);
    log("The sign-in page does not list them here; set DATABASE_URL and create real users for anything but a local demo.");
  }
  if (demo) {
    log(`Demo accounts (password "${demoPassword}"${process.env.DEMO_PASSWORD ? ", from DEMO_PASSWORD" : ""}):`);
    for (const user of DEMO_USERS) log(`  ${user.email.padEnd(22)} ${user.role.toLowerCase()}`);
  }
  log("Press Ctrl-C to stop.");
}

async function waitForHealth(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app did not become healthy at ${url} within ${timeoutMs / 1000} s.`);
}

main().catch((error: unknown) => {
  console.error(`[access-monitor] ${error instanceof Error ? error.message : String(error)}`);
  void stop(1);
});
