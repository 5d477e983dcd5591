// npm run synth [-- --events N] [-- --seed S]: fills the separate benchmark database with
// synthetic data (default 1,000,000 events, 20,000 organisations, 60,000 presences), every
// row marked synthetic. Never touches the demo database: see scripts/lib/synthetic-database.ts.
import { parseArgs } from "node:util";
import pg from "pg";
import { progressPrinter } from "./lib/progress";
import { assertOnlySynthetic, openSyntheticDatabase } from "./lib/synthetic-database";
import { generateSyntheticData, sizeFor, SYNTHETIC_SHAPES, type SyntheticShape } from "./lib/synthetic-data";

const USAGE =
  "Usage: npm run synth -- [--events N] [--seed S] [--shape uniform|skewed]   (N from 100 to 20,000,000; default 1,000,000; seed default 1; shape default uniform)";

async function main() {
  const { values } = parseArgs({ options: { events: { type: "string" }, seed: { type: "string" }, shape: { type: "string" }, help: { type: "boolean" } } });
  if (values.help) return console.log(USAGE);
  const events = Number((values.events ?? "1000000").replace(/[_,]/g, ""));
  const seed = Number(values.seed ?? "1");
  if (!Number.isInteger(events) || events < 100 || events > 20_000_000) throw new Error(`--events must be a whole number from 100 to 20,000,000.\n${USAGE}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 1_000_000) throw new Error(`--seed must be a whole number from 0 to 1,000,000.\n${USAGE}`);

  const shape = (values.shape ?? "uniform") as SyntheticShape;
  if (!SYNTHETIC_SHAPES.includes(shape)) throw new Error(`--shape must be one of ${SYNTHETIC_SHAPES.join(", ")}.\n${USAGE}`);

  const size = sizeFor(events);
  const database = await openSyntheticDatabase(() => {}, shape);
  const client = new pg.Client({ connectionString: database.url });
  try {
    await client.connect();
    await assertOnlySynthetic(client);
    console.log(
      `Generating SYNTHETIC data (seed ${seed}, ${shape}): ${size.events.toLocaleString("en-GB")} events, ${size.organisations.toLocaleString("en-GB")} organisations, ` +
        `${size.presences.toLocaleString("en-GB")} presences, ${size.sources.toLocaleString("en-GB")} sources, all countries.`,
    );
    const started = performance.now();
    await generateSyntheticData(client, size, seed, progressPrinter(), shape);
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s. Database: ${database.url.replace(/:[^:@/]+@/, ":***@")}`);
  } finally {
    await client.end().catch(() => {});
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
