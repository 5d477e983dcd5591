// The benchmark database: synthetic rows only, never the demo database. By default an
// embedded PostgreSQL in `.data-synthetic/` (ACCESS_MONITOR_SYNTH_DIR to move it); with
// SYNTH_DATABASE_URL, a database on your own server (it must not hold real data).
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrations";
import type { SyntheticShape } from "./synthetic-data";

export const SYNTHETIC_DATABASE = "access_monitor_synthetic";

/** One database per shape, so that both can be kept and benchmarked. */
export const syntheticDatabaseName = (shape: SyntheticShape) => (shape === "uniform" ? SYNTHETIC_DATABASE : `${SYNTHETIC_DATABASE}_${shape}`);
const ROOT = path.resolve(import.meta.dirname, "../..");

export interface SyntheticDatabase {
  url: string;
  stop: () => Promise<void>;
}

export async function openSyntheticDatabase(log: (line: string) => void = console.log, shape: SyntheticShape = "uniform"): Promise<SyntheticDatabase> {
  const external = process.env.SYNTH_DATABASE_URL;
  if (external) {
    // Your own server: the shape's database name replaces the URL's path for the skewed shape.
    const url = new URL(external);
    if (shape !== "uniform") url.pathname = `${url.pathname.replace(/\/$/, "")}_${shape}`;
    await applyMigrations(url.toString());
    return { url: url.toString(), stop: async () => {} };
  }
  const name = syntheticDatabaseName(shape);
  const dataDir = path.resolve(process.env.ACCESS_MONITOR_SYNTH_DIR ?? path.join(ROOT, ".data-synthetic"));
  const server = await startEmbeddedPostgres({ dataDir, log });
  const client = new pg.Client({ connectionString: server.serverUrl });
  await client.connect();
  const exists = (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount;
  await client.end();
  const url = exists ? server.urlFor(name) : await server.createDatabase(name);
  await applyMigrations(url);
  return { url, stop: () => server.stop() };
}

/** Refuses to touch a database that holds any row not marked synthetic. */
export async function assertOnlySynthetic(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ real: number }>(`
    SELECT (SELECT count(*) FROM "Organisation" WHERE NOT synthetic)
         + (SELECT count(*) FROM "AccessEvent" WHERE NOT synthetic)
         + (SELECT count(*) FROM "Source" WHERE NOT synthetic)
         + (SELECT count(*) FROM "Assessment" WHERE NOT synthetic) AS real`);
  if (Number(rows[0]!.real) > 0) {
    throw new Error("This database holds rows that are not synthetic (real data). Synthetic data goes into its own database only; nothing was changed.");
  }
}
