// Reads on a real streaming replica (Debian's PostgreSQL: a primary, and a standby made with
// pg_basebackup that applies each commit APPLY_DELAY_MS late, recovery_min_apply_delay): the
// analyst who wrote sees their change at once, on the API and on the page, while another
// reader is served by the replica and sees it only once the replica has applied it; with
// the replica down, every read falls back to the primary, and the replica serves again when
// it is back (lib/domain/read-routing.ts).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { issueApiToken } from "@/lib/data/api-tokens";
import { startThrowawayApp, type ThrowawayApp } from "../../scripts/lib/app-process";
import { signInCookie } from "../../scripts/lib/bench-http";
import { startReplicatedPostgres, type ReplicatedPostgres } from "../../scripts/lib/replicated-postgres";
import { seedUser } from "../support/factories";
import { useDatabase } from "../support/test-database";

const APPLY_DELAY_MS = 4_000;

let servers: ReplicatedPostgres;
let app: ThrowawayApp;
let prisma: PrismaClient;
let restoreDatabase: () => Promise<void>;
let analystToken: string;
let viewerToken: string;
let analystCookie: string;
const lags: number[] = [];

const get = (pathname: string, headers: Record<string, string>) => fetch(`${app.base}${pathname}`, { headers });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const health = async () => {
  const body = (await (await fetch(`${app.base}/api/health`)).json()) as { replica?: { state: string; lagSeconds: number | null } };
  if (body.replica?.lagSeconds) lags.push(body.replica.lagSeconds);
  return body.replica;
};
/** The summaries of Niger's events in the API's list, as this caller reads them. */
const summaries = async (token: string) => {
  const response = await get("/api/v1/events?country=NER&size=200", bearer(token));
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { summary: string }[] }).data.map((e) => e.summary);
};
async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await condition()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Not within ${timeoutMs} ms`);
}
async function writeConstraint(summary: string) {
  const response = await fetch(`${app.base}/api/v1/countries/NER/events`, {
    method: "POST",
    headers: { ...bearer(analystToken), "content-type": "application/json" },
    body: JSON.stringify({
      kind: "RESTRICTION_IMPOSED",
      category: "MOVEMENT_RESTRICTIONS",
      occurredOn: "2025-09-01",
      datePrecision: "DAY",
      summary,
      confidence: "REPORTED",
      sources: [{ publisher: "Test Wire", title: summary }],
    }),
  });
  expect(response.status).toBe(201);
}

beforeAll(async () => {
  servers = await startReplicatedPostgres({ applyDelayMs: APPLY_DELAY_MS });
  app = await startThrowawayApp({
    DATABASE_URL: servers.primaryUrl,
    DATABASE_REPLICA_URL: servers.replicaUrl,
    AUTH_SECRET: randomBytes(32).toString("hex"),
    RATE_LIMIT_MULTIPLIER: "100",
  });
  ({ prisma, restore: restoreDatabase } = useDatabase(servers.primaryUrl));
  const admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
  const analyst = await seedUser(prisma, { role: "ANALYST" });
  const viewer = await seedUser(prisma, { role: "VIEWER" });
  analystToken = (await issueApiToken(admin, { name: "replica analyst", email: analyst.user.email })).token;
  viewerToken = (await issueApiToken(admin, { name: "replica viewer", email: viewer.user.email })).token;
  analystCookie = await signInCookie(app.base, analyst.user.email, analyst.password);
  // The replica has applied everything so far (the seed, the users) before the tests start.
  await until(async () => (await health())?.lagSeconds === 0, 60_000);
}, 900_000);

afterAll(async () => {
  await app?.stop();
  await restoreDatabase?.();
  await servers?.stop();
  if (lags.length)
    console.log(`[replica] lag seen by the health check during the test: up to ${Math.max(...lags).toFixed(1)} s (apply delay ${APPLY_DELAY_MS / 1000} s)`);
});

describe("reads on a streaming replica", () => {
  it("shows an analyst their own change at once, while others read the replica until it has applied it", async () => {
    const summary = `Replica test: road closed ${randomBytes(4).toString("hex")}.`;
    const before = await summaries(viewerToken);
    expect(before.length).toBeGreaterThan(10); // the seeded events of Niger, on the replica
    expect(await summaries(analystToken)).toEqual(before);
    await writeConstraint(summary);
    const wrote = Date.now();

    // The writer, through the API and on the events page of their browser session (the same user).
    expect(await summaries(analystToken)).toContain(summary);
    const page = await (await get("/events?country=NER", { cookie: analystCookie })).text();
    expect(page).toContain(summary);
    // Someone else, within the replica's delay: served by the replica, which has not applied it.
    expect(await summaries(viewerToken)).toEqual(before);
    expect(Date.now() - wrote).toBeLessThan(APPLY_DELAY_MS);

    // Once applied, the replica serves it to everyone.
    await until(async () => (await summaries(viewerToken)).includes(summary), 30_000);
    expect(Date.now() - wrote).toBeGreaterThanOrEqual(APPLY_DELAY_MS - 500);
    expect(await summaries(analystToken)).toContain(summary);
  });

  it("falls back to the primary while the replica is down, and uses it again when it is back", async () => {
    await servers.stopReplica();
    // At once (the query that meets the closed replica runs again on the primary), and every time.
    for (let i = 0; i < 5; i++) expect((await get("/api/v1/events?country=NER&size=5", bearer(viewerToken))).status).toBe(200);
    await until(async () => (await health())?.state === "unreachable", 5_000);
    const summary = `Replica test: written while the replica was down ${randomBytes(4).toString("hex")}.`;
    await writeConstraint(summary);
    expect(await summaries(viewerToken)).toContain(summary); // from the primary
    const overview = await get("/", { cookie: analystCookie });
    expect(overview.status).toBe(200);

    await servers.startReplica();
    await until(async () => (await health())?.state === "serving", 60_000);
    // Serving again, the replica applies what was written meanwhile with its delay, like any write.
    await until(async () => (await summaries(viewerToken)).includes(summary), 30_000);
  });
});
