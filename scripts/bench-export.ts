// npm run bench:export — CSV export of every event through the app's own export route (which
// has PostgreSQL write the CSV, lib/data/tables/csv-sql.ts) vs PostgreSQL's COPY of the
// export's row query (exportSql, the rows the app's own writer formats) TO STDOUT WITH CSV, on the synthetic database (made with
// 1,000,000 events when missing; never the demo database). Prints rows, seconds,
// throughput of each, their ratio and the app server's peak RSS. Asserts nothing.
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { to as copyTo } from "pg-copy-streams";
import { eventsTable } from "../lib/data/tables/events-table";
import { exportSql } from "../lib/data/tables/table-sql";
import { TABLE_COLUMNS } from "../lib/domain/tables/columns";
import { parseTableQuery } from "../lib/domain/tables/query";
import { openBenchDatabase, startBenchApp } from "./lib/bench-setup";
import { sampleRss } from "./lib/process-memory";

const MIN_EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 2);

interface Timing {
  rows: number;
  bytes: number;
  seconds: number;
}

function counter() {
  let bytes = 0;
  let newlines = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines += 1;
      done();
    },
  });
  return { sink, result: () => ({ bytes, newlines }) };
}

/** The export's SQL with its parameters inlined (COPY takes no parameters). */
function inlineParameters(text: string, values: unknown[], quote: (value: string) => string): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = values[Number(n) - 1];
    return typeof value === "number" ? String(value) : quote(String(value));
  });
}

async function main() {
  const env = await openBenchDatabase(MIN_EVENTS);
  const bench = await startBenchApp(env.database.url);
  try {
    const columns = TABLE_COLUMNS.events.map((c) => c.id);
    const query = parseTableQuery("events", { cols: columns.join(",") });
    const sql = exportSql(eventsTable(query), query);
    const copySql = `COPY (${inlineParameters(sql.text, sql.values, (v) => env.client.escapeLiteral(v))}) TO STDOUT WITH (FORMAT csv, HEADER)`;

    const copyRuns: Timing[] = [];
    const appRuns: (Timing & { peakRss: number })[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      let started = performance.now();
      const copied = counter();
      await pipeline(env.client.query(copyTo(copySql)), copied.sink);
      copyRuns.push({ rows: copied.result().newlines - 1, bytes: copied.result().bytes, seconds: (performance.now() - started) / 1000 });

      const rss = sampleRss(bench.serverPid());
      started = performance.now();
      const response = await fetch(`${bench.base}/api/v1/export/events?format=csv&cols=${columns.join(",")}`, {
        headers: { authorization: `Bearer ${env.token}` },
      });
      if (!response.ok || !response.body) throw new Error(`Export failed: HTTP ${response.status} ${await response.text()}`);
      const exported = counter();
      await pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), exported.sink);
      const seconds = (performance.now() - started) / 1000;
      // CSV fields may hold line breaks; synthetic summaries do not, so lines = rows + header.
      appRuns.push({ rows: exported.result().newlines - 1, bytes: exported.result().bytes, seconds, peakRss: rss.stop() });
    }

    // A client that goes away mid-file: the query must stop and its connection return.
    const abort = new AbortController();
    const partial = await fetch(`${bench.base}/api/v1/export/events?format=csv`, { headers: { authorization: `Bearer ${env.token}` }, signal: abort.signal });
    const reader = partial.body!.getReader();
    for (let read = 0; read < 1_000_000;) read += (await reader.read()).value?.length ?? Infinity;
    const activeExports = async () =>
      Number(
        (
          await env.client.query<{ n: string }>(
            // The export's COPY on the export pool (lib/db.ts); a query's text is cut at 1 kB here, too short to match its FROM.
            `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'access-monitor-export' AND state = 'active' AND query LIKE 'COPY (%'`,
          )
        ).rows[0]!.n,
      );
    const runningBefore = await activeExports();
    const abortedAt = performance.now();
    abort.abort();
    let stoppedAfter: number | null = null;
    while (performance.now() - abortedAt < 10_000) {
      if ((await activeExports()) === 0) {
        stoppedAfter = performance.now() - abortedAt;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    const best = <T extends Timing>(runs: T[]) => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const copy = best(copyRuns);
    const app = best(appRuns);
    const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
    const line = (name: string, t: Timing) =>
      `${name.padEnd(34)} ${t.rows.toLocaleString("en-GB").padStart(10)} ${t.seconds.toFixed(2).padStart(8)} ${Math.round(t.rows / t.seconds)
        .toLocaleString("en-GB")
        .padStart(11)} ${(Number(mb(t.bytes)) / t.seconds).toFixed(1).padStart(8)} ${mb(t.bytes).padStart(8)}`;
    console.log(
      `\nSYNTHETIC data: ${env.events.toLocaleString("en-GB")} events (published ones exported), every event column, ${RUNS} runs each, best shown.\n`,
    );
    console.log(`${"".padEnd(34)} ${"rows".padStart(10)} ${"seconds".padStart(8)} ${"rows/s".padStart(11)} ${"MB/s".padStart(8)} ${"MB".padStart(8)}`);
    console.log(line("PostgreSQL COPY … TO STDOUT (CSV)", copy));
    console.log(line("App export route (CSV, streamed)", app));
    if (copy.rows !== app.rows) console.log(`Note: row counts differ (COPY ${copy.rows}, app ${app.rows}).`);
    const ratio = app.rows / app.seconds / (copy.rows / copy.seconds);
    const peak = Math.max(...appRuns.map((r) => r.peakRss)) / 2 ** 20;
    console.log(`\nThroughput ratio (app / COPY): ${ratio.toFixed(2)}   target ≥ 0.90   ${ratio >= 0.9 ? "met" : "NOT met"}`);
    console.log(`App server peak RSS during the exports: ${peak.toFixed(0)} MB   target < 250 MB   ${peak < 250 ? "met" : "NOT met"}`);
    console.log(
      `Client disconnect after 1 MB: ${runningBefore} export quer${runningBefore === 1 ? "y" : "ies"} running before; ` +
        (stoppedAfter === null ? "STILL RUNNING 10 s later" : `stopped ${stoppedAfter.toFixed(0)} ms after the disconnect`),
    );
  } finally {
    await bench.stop();
    await env.client.end();
    await env.database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
