// npm run bench:abuse — the security issue's figures, measured on the production build
// against the SYNTHETIC database (1,000,000 events; never the demo database), with the
// shipped limits (no RATE_LIMIT_MULTIPLIER):
// 1. ten slow exports by one viewer (read at 20 kB/s, as `curl --limit-rate 20k`): how the
//    health check and an analyst's table page answer meanwhile, and what the exports got;
// 2. peak server RSS while eight users each start a 1,000,000-row export at once, CSV then XLSX;
// 3. peak server RSS while forty 12 MB bodies are sent at once, chunked, with a junk token;
// 4. forty parallel wrong passwords for one account: how many were evaluated.
// Prints figures; asserts nothing.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { hashPassword } from "../lib/auth/password";
import { percentile, signInCookie } from "./lib/bench-http";
import { openBenchDatabase, startBenchApp } from "./lib/bench-setup";
import { rssOf, sampleRss } from "./lib/process-memory";

const MIN_EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
/** Which of the four parts to run (BENCH_PARTS=2,3 for some), all by default. */
const PARTS = new Set((process.env.BENCH_PARTS ?? "1,2,3,4").split(",").map(Number));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function benchUser(client: pg.Client, role: "VIEWER" | "ANALYST"): Promise<{ email: string; password: string }> {
  const email = `bench-${randomBytes(4).toString("hex")}@synthetic.invalid`;
  const password = randomBytes(18).toString("base64url");
  await client.query(`INSERT INTO "User" (email, name, "passwordHash", role, "updatedAt") VALUES ($1, 'Benchmark (synthetic)', $2, $3, now())`, [
    email,
    await hashPassword(password),
    role,
  ]);
  return { email, password };
}

/** Reads a response body at most `bytesPerSecond`, until `signal` ends it; the bytes read. */
async function readSlowly(response: Response, bytesPerSecond: number, signal: AbortSignal): Promise<number> {
  const reader = response.body!.getReader();
  let total = 0;
  const started = Date.now();
  try {
    while (!signal.aborted) {
      const { value, done } = await reader.read();
      if (done) break;
      total += value.byteLength;
      const ahead = total / bytesPerSecond - (Date.now() - started) / 1000;
      if (ahead > 0) await new Promise((resolve) => setTimeout(resolve, ahead * 1000));
    }
  } catch {
    // ended by the server (a stalled or over-long export) or by us
  } finally {
    await reader.cancel().catch(() => {});
  }
  return total;
}

async function timed(url: string, headers: Record<string, string>): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

async function slowExports(base: string, viewerCookie: string, analystCookie: string) {
  console.log("\n1. Ten slow exports of every event by one viewer (each read at 20 kB/s), then an eleventh:");
  const stop = new AbortController();
  const statuses: number[] = [];
  const reads: Promise<number>[] = [];
  for (let i = 0; i < 10; i += 1) {
    const response = await fetch(`${base}/api/v1/export/events?format=csv`, { headers: { cookie: viewerCookie }, signal: stop.signal });
    statuses.push(response.status);
    reads.push(response.ok ? readSlowly(response, 20_000, stop.signal) : response.arrayBuffer().then(() => 0));
  }
  const eleventh = await fetch(`${base}/api/v1/export/events?format=csv`, { headers: { cookie: viewerCookie } });
  await eleventh.arrayBuffer();
  // Meanwhile: the health check and an analyst's table page, one after the other, for 15 s.
  const health: number[] = [];
  const page: number[] = [];
  const failures: number[] = [];
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    for (const [list, result] of [
      [health, await timed(`${base}/api/health`, {})],
      [page, await timed(`${base}/presences`, { cookie: analystCookie })],
    ] as const) {
      list.push(result.ms);
      if (result.status !== 200) failures.push(result.status);
    }
  }
  stop.abort();
  await Promise.all(reads);
  const count = (status: number) => statuses.filter((s) => s === status).length;
  console.log(
    `   exports 1-10: ${count(200)} streaming (200), ${count(429)} refused (429); the 11th: ${eleventh.status} ${eleventh.headers.get("retry-after") ? `(Retry-After ${eleventh.headers.get("retry-after")} s)` : ""}`,
  );
  for (const [name, times] of [
    ["/api/health", health],
    ["/presences (analyst)", page],
  ] as const) {
    times.sort((a, b) => a - b);
    console.log(`   ${name.padEnd(22)} ${times.length} requests, p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms`);
  }
  console.log(`   non-200 answers meanwhile: ${failures.length}${failures.length ? ` (${[...new Set(failures)].join(", ")})` : ""}`);
}

async function concurrentExports(base: string, pid: number, cookies: string[], format: "csv" | "xlsx") {
  const before = rssOf(pid);
  const sampler = sampleRss(pid);
  const started = performance.now();
  const results = await Promise.all(
    cookies.map(async (cookie) => {
      const response = await fetch(`${base}/api/v1/export/events?format=${format}`, { headers: { cookie } });
      const bytes = (await response.arrayBuffer()).byteLength;
      return { status: response.status, bytes };
    }),
  );
  const peak = sampler.stop();
  const ran = results.filter((r) => r.status === 200);
  console.log(
    `   ${format.toUpperCase().padEnd(4)} ${ran.length} ran to the end (${mb(ran.reduce((s, r) => s + r.bytes, 0))} in all), ${results.length - ran.length} refused (429) by the per-instance cap; ` +
      `${((performance.now() - started) / 1000).toFixed(0)} s; server RSS ${mb(before)} before, peak ${mb(peak)}`,
  );
}

async function largeBodies(base: string, pid: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x41);
  const before = rssOf(pid);
  const sampler = sampleRss(pid);
  const statuses = await Promise.all(
    Array.from({ length: 40 }, async () => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 12 * 16; i += 1) controller.enqueue(chunk);
          controller.close();
        },
      });
      const response = await fetch(`${base}/api/v1/organisations`, {
        method: "POST",
        body,
        duplex: "half",
        headers: { authorization: "Bearer am_junk-token-for-the-benchmark", "content-type": "application/json" },
      } as RequestInit).catch(() => null);
      await response?.arrayBuffer().catch(() => {});
      return response?.status ?? 0;
    }),
  );
  const peak = sampler.stop();
  const byStatus = Object.entries(statuses.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {}));
  console.log(
    `\n3. Forty 12 MB chunked bodies at once with a junk token: answers ${byStatus.map(([s, n]) => `${n} × ${s}`).join(", ")}; server RSS ${mb(before)} before, peak ${mb(peak)}`,
  );
}

async function parallelGuesses(base: string, client: pg.Client) {
  const { email } = await benchUser(client, "VIEWER");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  await Promise.all(
    Array.from({ length: 40 }, async (_, i) => {
      const response = await fetch(`${base}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: base },
        body: new URLSearchParams({ csrfToken, email, password: `wrong guess number ${i}`, json: "true" }),
      });
      await response.arrayBuffer();
    }),
  );
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "AuditEntry" WHERE action = 'auth.signInFailed' AND after->>'email' = $1`,
    [email],
  );
  console.log(`\n4. Forty parallel wrong passwords for one account (one client): ${rows[0]!.n} evaluated (argon2 run), the rest refused as throttled`);
}

async function main() {
  const env = await openBenchDatabase(MIN_EVENTS);
  // The shipped limits: this benchmark is about them.
  const passOn = Object.fromEntries(["EXPORTS_PER_INSTANCE", "ACCESS_MONITOR_MAX_HEAP_MB"].flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])));
  const app = await startBenchApp(env.database.url, { RATE_LIMIT_MULTIPLIER: "1", ...passOn });
  try {
    const pid = app.serverPid();
    const viewer = await benchUser(env.client, "VIEWER");
    const analyst = await benchUser(env.client, "ANALYST");
    console.log(
      `SYNTHETIC data: ${env.events.toLocaleString("en-GB")} events; production build with the shipped limits (exports: 2 per user, 4 per instance).`,
    );
    console.log(`Server RSS at the start: ${mb(rssOf(pid))}`);
    if (PARTS.has(1))
      await slowExports(app.base, await signInCookie(app.base, viewer.email, viewer.password), await signInCookie(app.base, analyst.email, analyst.password));
    if (PARTS.has(3)) await largeBodies(app.base, pid);
    if (PARTS.has(2)) {
      console.log("\n2. Eight users each start an export of every event at once:");
      const cookies: string[] = [];
      for (let i = 0; i < 8; i += 1) {
        const user = await benchUser(env.client, "VIEWER");
        cookies.push(await signInCookie(app.base, user.email, user.password));
      }
      for (const format of (process.env.BENCH_FORMATS ?? "csv,xlsx").split(",") as ("csv" | "xlsx")[]) await concurrentExports(app.base, pid, cookies, format);
    }
    if (PARTS.has(4)) await parallelGuesses(app.base, env.client);
  } finally {
    await env.client.query(`DELETE FROM "User" WHERE email LIKE 'bench-%@synthetic.invalid'`).catch(() => {});
    await app.stop();
    await env.client.end();
    await env.database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
