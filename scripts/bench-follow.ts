// npm run bench:follow: the reads behind feeds, "What changed" and `updatedSince` on the
// SYNTHETIC database (1,000,000 events and their change log, made when missing; never the
// demo database). Prints the median and the slowest of 5 runs of each; asserts nothing.
import { openBenchDatabase } from "./lib/bench-setup";

const env = await openBenchDatabase(Number(process.env.BENCH_EVENTS ?? 1_000_000));
process.env.DATABASE_URL = env.database.url;
const { feedEntries } = await import("../lib/data/feeds");
const { listChangedEntities } = await import("../lib/data/changes");
const { pool } = await import("../lib/db");
const c = env.client;
const user = (await c.query<{ id: number }>(`SELECT id FROM "User" WHERE email = $1`, [env.email])).rows[0]!;
const actor = { id: user.id, email: env.email, name: "Benchmark (synthetic)", role: "ANALYST" as const };
const changes = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM "DataChange"`)).rows[0]!.n);
// A country with few changes and one with many, and an organisation with many: the filters' extremes.
const [rare] = (
  await c.query<{ iso3: string; n: string }>(
    `SELECT "countryIso3" AS iso3, count(*) AS n FROM "DataChange" WHERE "countryIso3" IS NOT NULL GROUP BY 1 ORDER BY 2 ASC LIMIT 1`,
  )
).rows;
const [busy] = (
  await c.query<{ iso3: string; n: string }>(
    `SELECT "countryIso3" AS iso3, count(*) AS n FROM "DataChange" WHERE "countryIso3" IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
  )
).rows;
const [org] = (
  await c.query<{ id: number; n: string }>(
    `SELECT "organisationId" AS id, count(*) AS n FROM "DataChange" WHERE "organisationId" IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
  )
).rows;
const [middle] = (
  await c.query<{ txid: string; seq: string; at: Date }>(
    `SELECT txid::text, seq::text, "changedAt" AS at FROM "DataChange" ORDER BY txid DESC, seq DESC OFFSET 1000 LIMIT 1`,
  )
).rows;
console.log(`${env.events.toLocaleString("en-GB")} events, ${changes.toLocaleString("en-GB")} changes in the log.`);

async function measure(label: string, run: () => Promise<number>) {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    size = await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: median ${times[2]!.toFixed(1)} ms, max ${times[4]!.toFixed(1)} ms (${size} rows)`);
}

await measure("feed, no filter (50 newest)", async () => (await feedEntries(actor, {})).length);
await measure(`feed, country ${rare!.iso3} (${rare!.n} changes)`, async () => (await feedEntries(actor, { country: rare!.iso3 })).length);
await measure(`feed, country ${busy!.iso3} (${busy!.n} changes)`, async () => (await feedEntries(actor, { country: busy!.iso3 })).length);
await measure(`feed, organisation ${org!.id} (${org!.n} changes)`, async () => (await feedEntries(actor, { organisation: org!.id })).length);
await measure(`feed, status EXPELLED`, async () => (await feedEntries(actor, { status: "EXPELLED" })).length);
await measure(`feed, category IMPEDIMENTS_TO_ENTRY`, async () => (await feedEntries(actor, { category: "IMPEDIMENTS_TO_ENTRY" })).length);
const after = { txid: BigInt(middle!.txid), seq: BigInt(middle!.seq) };
await measure(
  `What changed, one country, after the newest 1,000 changes`,
  async () => (await feedEntries(actor, { country: busy!.iso3 }, { limit: 100, after })).length,
);
await measure(
  `updatedSince events, polling from a cursor 1,000 changes back, a page of 50`,
  async () =>
    (await listChangedEntities(actor, { entityType: "AccessEvent", since: new Date(0), after, country: null, organisation: null, limit: 50 })).entities.length,
);
await measure(
  `updatedSince events since 1970 (the whole log), first page of 50`,
  async () =>
    (await listChangedEntities(actor, { entityType: "AccessEvent", since: new Date(0), after: null, country: null, organisation: null, limit: 50 })).entities
      .length,
);
await pool().end();
await c.end();
await env.database.stop();
