// Exports stream from a budget of their own: rows are read through a cursor on a connection
// of the export pool as the client reads; the main pool (pages, sign-ins, writes) is never
// touched, however many exports run or stall; each user and each instance has a cap on
// exports at once (429 with Retry-After beyond it); a client that goes away or stops
// reading gives its connection back.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type pg from "pg";
import { GET as exportRoute, HEAD as exportCheckRoute } from "@/app/api/v1/export/[table]/route";
import { GET as health } from "@/app/api/health/route";
import { GET as listPresences } from "@/app/api/v1/presences/route";
import { issueApiToken } from "@/lib/data/api-tokens";
import { exportsRunningHere } from "@/lib/data/export-slots";
import { generateSyntheticData, sizeFor } from "../../scripts/lib/synthetic-data";
import { seedUser } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

// The caps under test are the defaults (2 per user, 4 per instance); the request budgets are
// not what this file tests, and a client that stops reading is cut off after one second.
process.env.RATE_LIMIT_MULTIPLIER = "1000";
process.env.EXPORT_STALL_SECONDS = "1";

let pool: pg.Pool;
let exportPool: pg.Pool;
let restore: () => Promise<void>;
const tokens: string[] = [];

const checkedOut = (p: pg.Pool) => p.totalCount - p.idleCount;
const request = (token: string, method = "GET") =>
  new Request("http://localhost/api/v1/export/events?format=csv", { method, headers: { authorization: `Bearer ${token}` } });
const exportEvents = (token = tokens[0]!) => exportRoute(request(token), { params: Promise.resolve({ table: "events" }) });
const checkExport = (token = tokens[0]!) => exportCheckRoute(request(token, "HEAD"), { params: Promise.resolve({ table: "events" }) });
const presences = (token: string) => listPresences(new Request("http://localhost/api/v1/presences?size=5", { headers: { authorization: `Bearer ${token}` } }));

/** Starts an export and reads its first chunks, so that its cursor is open. */
async function openExport(token?: string) {
  const response = await exportEvents(token);
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  for (let i = 0; i < 3; i += 1) await reader.read();
  return reader;
}

/**
 * An open export whose client keeps reading a chunk now and then, as a slow client would:
 * with EXPORT_STALL_SECONDS at 1 here, an export merely held open would be ended as stalled
 * while the test opens the others on a busy machine. `release` stops reading and cancels it.
 */
async function holdExport(token?: string) {
  const reader = await openExport(token);
  let holding = true;
  const reading = (async () => {
    while (holding) {
      if ((await reader.read()).done) return;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  })();
  return {
    release: async () => {
      holding = false;
      await reading;
      await reader.cancel();
    },
  };
}

beforeAll(async () => {
  const database = useDatabase(await createFreshDatabase(inject("serverUrl")));
  ({ pool, exportPool, restore } = database);
  const client = await pool.connect();
  await generateSyntheticData(client, sizeFor(40_000), 3, () => {});
  client.release();
  const admin = (await seedUser(database.prisma, { role: "ADMIN" })).actor;
  for (let i = 0; i < 4; i += 1) {
    const viewer = (await seedUser(database.prisma, { role: "VIEWER" })).actor;
    tokens.push((await issueApiToken(admin, { name: `stream test ${i}`, email: viewer.email })).token);
  }
});
afterAll(() => restore());

describe("streamed exports", () => {
  it("reads through one export-pool connection while the client reads, and delivers every published row", async () => {
    const response = await exportEvents();
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    // The header comes first; then the rows, batch by batch, through the cursor's connection.
    for (let i = 0; i < 3; i += 1) text += decoder.decode((await reader.read()).value, { stream: true });
    expect(checkedOut(exportPool)).toBe(1);
    expect(checkedOut(pool)).toBe(0);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
    const published = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "AccessEvent" WHERE "reviewState" = 'PUBLISHED' AND "occurredOn" <= current_date`,
    );
    expect(text.split("\r\n").filter(Boolean).length).toBe(published.rows[0]!.n + 1); // and the header
    await expect.poll(() => checkedOut(exportPool)).toBe(0);
    expect(exportsRunningHere()).toBe(0);
  });

  it("stops the query and releases the connection when the client goes away", async () => {
    const reader = await openExport();
    expect(checkedOut(exportPool)).toBe(1);
    await reader.cancel();
    await expect.poll(() => checkedOut(exportPool), { timeout: 5_000 }).toBe(0);
    const active = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE '%"AccessEvent"%' AND state <> 'idle'`,
    );
    expect(active.rows[0]!.n).toBe(0);
  });

  it("ends an export whose client stops reading, and gives its connection back", async () => {
    const reader = await openExport();
    expect(exportsRunningHere()).toBe(1);
    // The client keeps the connection open but reads nothing more; the socket buffer would fill.
    await expect.poll(() => exportsRunningHere(), { timeout: 5_000 }).toBe(0);
    expect(checkedOut(exportPool)).toBe(0);
    // Whatever was queued can still be read, and then the stream says it was cut off.
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return;
      })(),
    ).rejects.toThrow(/stopped reading/);
  });

  it("allows two exports at once per user: the third gets 429 with Retry-After, and the menu's check says so", async () => {
    const first = await holdExport(tokens[0]);
    const second = await holdExport(tokens[0]);
    const third = await exportEvents(tokens[0]);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await third.json()).toMatchObject({ error: { code: "rate_limited", message: expect.stringContaining("You already have 2 exports running") } });
    const check = await checkExport(tokens[0]);
    expect(check.status).toBe(429);
    expect(decodeURIComponent(check.headers.get("x-error-message")!)).toContain("You already have 2 exports running");
    // Another user is not held up by the first one's exports.
    expect((await checkExport(tokens[1])).status).toBe(200);
    await first.release();
    await expect.poll(async () => (await checkExport(tokens[0])).status, { timeout: 5_000 }).toBe(200);
    await second.release();
    await expect.poll(() => exportsRunningHere(), { timeout: 5_000 }).toBe(0);
  });

  it("runs at most four exports per instance, and the main pool keeps serving while they do", async () => {
    const held = [];
    for (const token of tokens) held.push(await holdExport(token));
    expect(checkedOut(exportPool)).toBe(4);
    const fifth = await exportEvents(tokens[0]);
    expect(fifth.status).toBe(429);
    expect(await fifth.json()).toMatchObject({ error: { message: expect.stringContaining("as many exports as it allows at once (4)") } });
    // Every export connection is taken, yet health checks and API reads answer at once.
    const started = performance.now();
    expect((await health()).status).toBe(200);
    expect((await presences(tokens[1]!)).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(2_000);
    await Promise.all(held.map((h) => h.release()));
    await expect.poll(() => checkedOut(exportPool), { timeout: 5_000 }).toBe(0);
    expect(exportsRunningHere()).toBe(0);
  });
});
