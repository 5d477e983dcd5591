// Exports stream: rows are read through a cursor as the client reads, and a client that
// goes away stops the query and gives the connection back.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type pg from "pg";
import { GET as exportRoute } from "@/app/api/v1/export/[table]/route";
import { issueApiToken } from "@/lib/data/api-tokens";
import { generateSyntheticData, sizeFor } from "../../scripts/lib/synthetic-data";
import { seedUser } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

let pool: pg.Pool;
let restore: () => Promise<void>;
let token: string;

const checkedOut = () => pool.totalCount - pool.idleCount;
const exportEvents = () =>
  exportRoute(new Request("http://localhost/api/v1/export/events?format=csv", { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({ table: "events" }),
  });

beforeAll(async () => {
  const database = useDatabase(await createFreshDatabase(inject("serverUrl")));
  ({ pool, restore } = database);
  const client = await pool.connect();
  await generateSyntheticData(client, sizeFor(40_000), 3, () => {});
  client.release();
  const admin = (await seedUser(database.prisma, { role: "ADMIN" })).actor;
  const viewer = (await seedUser(database.prisma, { role: "VIEWER" })).actor;
  token = (await issueApiToken(admin, { name: "stream test", email: viewer.email })).token;
});
afterAll(() => restore());

describe("streamed exports", () => {
  it("holds one connection while the client reads, and delivers every published row", async () => {
    const response = await exportEvents();
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    // The header comes first; then the rows, batch by batch, through the cursor's connection.
    for (let i = 0; i < 3; i += 1) text += decoder.decode((await reader.read()).value, { stream: true });
    expect(checkedOut()).toBe(1);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
    const published = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AccessEvent" WHERE "reviewState" = 'PUBLISHED' AND "occurredOn" <= current_date`);
    expect(text.split("\r\n").filter(Boolean).length).toBe(published.rows[0]!.n + 1); // and the header
    expect(checkedOut()).toBe(0);
  });

  it("stops the query and releases the connection when the client goes away", async () => {
    const response = await exportEvents();
    const reader = response.body!.getReader();
    for (let i = 0; i < 3; i += 1) await reader.read();
    expect(checkedOut()).toBe(1);
    await reader.cancel();
    await expect.poll(checkedOut, { timeout: 5_000 }).toBe(0);
    const active = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE '%"AccessEvent"%' AND state <> 'idle'`,
    );
    expect(active.rows[0]!.n).toBe(0);
  });
});
