// Shared by the benchmark scripts: the synthetic database (made when missing), a bench
// user with an API token, and the production app started against that database.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { generateApiToken } from "../../lib/auth/api-token";
import { hashPassword } from "../../lib/auth/password";
import { startApp, type AppProcess } from "./app-process";
import { freePort } from "./free-port";
import { commandOf, descendants } from "./process-memory";
import { progressPrinter } from "./progress";
import { assertOnlySynthetic, openSyntheticDatabase, type SyntheticDatabase } from "./synthetic-database";
import { generateSyntheticData, sizeFor } from "./synthetic-data";

export interface BenchEnvironment {
  database: SyntheticDatabase;
  client: pg.Client;
  events: number;
  token: string;
  email: string;
  password: string;
}

/** Opens the synthetic database, generating `minEvents` events first when it has fewer. */
export async function openBenchDatabase(minEvents: number): Promise<BenchEnvironment> {
  const database = await openSyntheticDatabase(() => {});
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await assertOnlySynthetic(client);
  let events = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "AccessEvent"`)).rows[0]!.n);
  if (events < minEvents) {
    console.log(`The synthetic database has ${events.toLocaleString("en-GB")} events; generating ${minEvents.toLocaleString("en-GB")} (npm run synth does the same)…`);
    await generateSyntheticData(client, sizeFor(minEvents), 1, progressPrinter());
    events = minEvents;
  }
  const email = "bench@synthetic.invalid";
  const password = randomBytes(18).toString("base64url");
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO "User" (email, name, "passwordHash", role, "updatedAt") VALUES ($1, 'Benchmark (synthetic)', $2, 'ANALYST', now())
     ON CONFLICT (email) DO UPDATE SET "passwordHash" = EXCLUDED."passwordHash", "disabledAt" = NULL RETURNING id`,
    [email, await hashPassword(password)],
  );
  const { token, hash, prefix } = generateApiToken();
  await client.query(`INSERT INTO "ApiToken" (name, "tokenHash", prefix, "userId") VALUES ('benchmark', $1, $2, $3)`, [hash, prefix, rows[0]!.id]);
  return { database, client, events, token, email, password };
}

export interface RunningBenchApp {
  app: AppProcess;
  base: string;
  /** The `next start` server process (where requests are handled). */
  serverPid: number;
  stop: () => Promise<void>;
}

export async function startBenchApp(databaseUrl: string): Promise<RunningBenchApp> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "access-monitor-bench-"));
  const port = await freePort();
  const app = startApp({ DATABASE_URL: databaseUrl, AUTH_SECRET: randomBytes(32).toString("hex"), ACCESS_MONITOR_DATA_DIR: dataDir, PORT: String(port) });
  await app.ready;
  const serverPid = descendants(app.child.pid!).find((pid) => /next(\/dist\/bin\/next)? start|next-server/.test(commandOf(pid)));
  if (!serverPid) throw new Error("Could not find the Next.js server process");
  return {
    app,
    base: `http://127.0.0.1:${port}`,
    serverPid,
    stop: async () => {
      await app.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
