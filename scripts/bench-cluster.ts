// npm run bench:cluster — the mixed signed-in reads of bench:load through nginx in front of
// 1, 2 and 3 production app instances on one PostgreSQL (the seeded Niger data), and once
// straight to one instance: requests per second, p50/p95, errors. Prints figures; asserts
// nothing. LOAD_SECONDS (default 15) and LOAD_CONNECTIONS (default 10) per run.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "../lib/auth/password";
import { startThrowawayApp, type ThrowawayApp } from "./lib/app-process";
import { signInCookie } from "./lib/bench-http";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { freePort } from "./lib/free-port";
import { startLoadBalancer } from "./lib/load-balancer";
import { LOAD_MIX, runLoadMix, warmUp } from "./lib/load-mix";

const seconds = Number(process.env.LOAD_SECONDS ?? 15);
const connections = Number(process.env.LOAD_CONNECTIONS ?? 10);
const INSTANCES = 3;

async function load(base: string, cookies: string[]) {
  const result = await runLoadMix(base, cookies, connections, seconds);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p95: result.latency.p97_5 /* autocannon reports 97.5, not 95 */,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "access-monitor-bench-cluster-"));
  const database = await startEmbeddedPostgres({ dataDir });
  const instances: ThrowawayApp[] = [];
  try {
    const url = await database.createDatabase("access_monitor");
    const lbPort = await freePort();
    const shared = {
      DATABASE_URL: url,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      NEXTAUTH_URL: `http://localhost:${lbPort}`,
      RATE_LIMIT_MULTIPLIER: "1000", // speed, not the per-user budgets
    };
    for (let i = 0; i < INSTANCES; i++) instances.push(await startThrowawayApp(shared));
    // Three signed-in users, as in bench:load.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const password = randomBytes(12).toString("base64url");
    for (const role of ["VIEWER", "ANALYST", "ADMIN"]) {
      await client.query(`INSERT INTO "User" (email, name, "passwordHash", role, "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
        `${role.toLowerCase()}@bench.invalid`,
        `Benchmark ${role.toLowerCase()}`,
        await hashPassword(password),
        role,
      ]);
    }
    await client.end();
    const cookies = await Promise.all(["viewer", "analyst", "admin"].map((who) => signInCookie(instances[0]!.base, `${who}@bench.invalid`, password)));
    // Each instance keeps its own pages: warm each for every user.
    for (const instance of instances) await warmUp(instance.base, cookies);

    console.log(
      `\n${seconds} s per run, ${connections} connections, the bench:load mix (${LOAD_MIX.length} routes), seeded data, production build, one machine (${os.cpus().length} cores).\n`,
    );
    console.log(`${"through".padEnd(28)}${"req/s".padStart(8)}${"p50 ms".padStart(9)}${"p97.5 ms".padStart(10)}${"errors".padStart(8)}`);
    const print = (name: string, r: Awaited<ReturnType<typeof load>>) =>
      console.log(`${name.padEnd(28)}${r.rps.toFixed(1).padStart(8)}${String(r.p50).padStart(9)}${String(r.p95).padStart(10)}${String(r.errors).padStart(8)}`);
    print("one instance, no balancer", await load(instances[0]!.base, cookies));
    for (let n = 1; n <= INSTANCES; n++) {
      const balancer = await startLoadBalancer(
        lbPort,
        instances.slice(0, n).map((i) => new URL(i.base).host.replace("localhost", "127.0.0.1")),
      );
      try {
        print(`nginx → ${n} instance${n > 1 ? "s" : ""}`, await load(balancer.base, cookies));
      } finally {
        await balancer.stop();
      }
    }
  } finally {
    for (const instance of instances) await instance.stop();
    await database.stop().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
