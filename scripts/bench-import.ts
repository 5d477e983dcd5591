// npm run bench:import — a 100,000-row CSV (and a 10,000-row one, to compare) imported
// through the production app's own route, on the synthetic database (1,000,000 events; made
// when missing, never the demo database): upload and preview, commit, undo. Prints rows,
// seconds, rows per second and the app server's peak RSS for each step. The rows are
// synthetic and labelled so ("Synthetic Import …"); afterwards the import is undone and what
// it created is deleted, so the synthetic database is as it was. Asserts nothing.
import { createReadStream, createWriteStream } from "node:fs";
import { stat, unlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { once } from "node:events";
import { openBenchDatabase, startBenchApp } from "./lib/bench-setup";
import { rssOf, sampleRss } from "./lib/process-memory";

const SIZES = (process.env.BENCH_IMPORT_ROWS ?? "10000,100000").split(",").map(Number);
const COUNTRIES = ["NER", "MLI", "BFA", "TCD", "SDN", "SSD", "SOM", "ETH", "YEM", "SYR", "AFG", "HTI", "COD", "CAF", "NGA", "MOZ", "MMR", "LBY", "PSE", "UKR"];
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function writeCsv(rows: number, run: string): Promise<string> {
  const file = path.join(os.tmpdir(), `bench-import-${run}-${rows}.csv`);
  const out = createWriteStream(file);
  out.write("Date,Date precision,ISO3,Organisation,Type,Event,Resulting status,Confidence,Summary,Sources\r\n");
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2015, 0, 1) + (i % 3650) * 86_400_000).toISOString().slice(0, 10);
    const line = `${day},day,${COUNTRIES[i % COUNTRIES.length]},Synthetic Import Org ${run} ${i % 500},International NGO,Other,,Reported,Synthetic import row ${run}-${i}: field report.,Synthetic Import Wire: batch ${i % 100}\r\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return file;
}

async function readOutcome(
  response: Response,
): Promise<{ status: number; result?: { id?: number; retracted?: number; created?: { events: number[] } }; error?: { message: string } }> {
  const text = await response.text();
  const lines = text.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]!);
}

async function main() {
  const env = await openBenchDatabase(Number(process.env.BENCH_EVENTS ?? 1_000_000));
  const bench = await startBenchApp(env.database.url);
  const auth = { authorization: `Bearer ${env.token}` };
  // A run cut short leaves its preview behind (its commit rolled back): remove it first.
  await env.client.query(`DELETE FROM "Import" WHERE "fileName" LIKE 'bench-import-%' AND state = 'PREVIEW'`);
  const results: string[] = [];
  try {
    const idle = rssOf(bench.serverPid());
    console.log(`Synthetic database: ${env.events.toLocaleString("en-GB")} events. App server idle RSS: ${megabytes(idle)}.`);
    for (const rows of SIZES) {
      const run = Date.now().toString(36);
      const file = await writeCsv(rows, run);
      const size = (await stat(file)).size;

      let rss = sampleRss(bench.serverPid());
      let started = performance.now();
      const staged = await readOutcome(
        await fetch(`${bench.base}/api/v1/imports?preview=true`, {
          method: "POST",
          headers: { ...auth, "content-type": "text/csv", accept: "application/x-ndjson", "content-length": String(size), "x-file-name": path.basename(file) },
          body: Readable.toWeb(createReadStream(file)) as ReadableStream,
          duplex: "half",
        } as RequestInit),
      );
      const previewSeconds = (performance.now() - started) / 1000;
      const previewPeak = rss.stop();
      if (staged.status >= 300 || !staged.result?.id) throw new Error(`Preview failed: ${JSON.stringify(staged)}`);
      const id = staged.result.id;

      rss = sampleRss(bench.serverPid());
      started = performance.now();
      const committed = await readOutcome(
        await fetch(`${bench.base}/api/v1/imports/${id}/commit`, {
          method: "POST",
          headers: { ...auth, "content-type": "application/json", accept: "application/x-ndjson" },
          body: "{}",
        }),
      );
      const commitSeconds = (performance.now() - started) / 1000;
      const commitPeak = rss.stop();
      if (committed.status >= 300) throw new Error(`Commit failed: ${JSON.stringify(committed)}`);
      // What the import created is synthetic: labelled at once (the database holds nothing else).
      await env.client.query(`UPDATE "AccessEvent" SET synthetic = true WHERE "importId" = $1`, [id]);
      await env.client.query(`UPDATE "Organisation" SET synthetic = true WHERE name LIKE $1`, [`Synthetic Import Org ${run} %`]);
      await env.client.query(`UPDATE "Presence" SET synthetic = true WHERE "organisationId" IN (SELECT id FROM "Organisation" WHERE name LIKE $1)`, [
        `Synthetic Import Org ${run} %`,
      ]);
      await env.client.query(`UPDATE "Source" SET synthetic = true WHERE publisher = 'Synthetic Import Wire'`);

      started = performance.now();
      const undone = await fetch(`${bench.base}/api/v1/imports/${id}/undo`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ reason: "Benchmark run: undone by the benchmark." }),
      });
      const undoSeconds = (performance.now() - started) / 1000;
      const undoBody = (await undone.json()) as { retracted?: number };

      const rate = (seconds: number) => `${Math.round(rows / seconds).toLocaleString("en-GB")} rows/s`;
      results.push(
        `${rows.toLocaleString("en-GB")} rows (${megabytes(size)} CSV): preview ${previewSeconds.toFixed(1)} s (${rate(previewSeconds)}, peak RSS ${megabytes(previewPeak)}), ` +
          `commit ${commitSeconds.toFixed(1)} s (${rate(commitSeconds)}, peak RSS ${megabytes(commitPeak)}), undo ${undoSeconds.toFixed(1)} s (${(undoBody.retracted ?? 0).toLocaleString("en-GB")} events retracted)`,
      );
      console.log(results[results.length - 1]);

      // Leave the synthetic database as it was: the retracted events, and what only they used, go.
      await env.client.query(`DELETE FROM "AccessEvent" WHERE "importId" = $1`, [id]);
      await env.client.query(
        `DELETE FROM "Source" s WHERE publisher = 'Synthetic Import Wire' AND NOT EXISTS (SELECT 1 FROM "EventSource" es WHERE es."sourceId" = s.id)`,
      );
      await env.client.query(`DELETE FROM "Presence" WHERE "organisationId" IN (SELECT id FROM "Organisation" WHERE name LIKE $1)`, [
        `Synthetic Import Org ${run} %`,
      ]);
      await env.client.query(`DELETE FROM "Organisation" WHERE name LIKE $1`, [`Synthetic Import Org ${run} %`]);
      await env.client.query(`DELETE FROM "Import" WHERE id = $1`, [id]);
      await unlink(file);
    }
    console.log(`\nApp server idle RSS ${megabytes(idle)}; Node ${process.version}, ${os.cpus().length} cores.`);
    for (const line of results) console.log(`- ${line}`);
  } finally {
    await bench.stop();
    await env.client.end();
    await env.database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
