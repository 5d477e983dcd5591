// Shared by the benchmark scripts: the synthetic database (made when missing), a bench
// user with an API token, and the production app started against that database.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { generateApiToken } from "../../lib/auth/api-token";
import { hashPassword } from "../../lib/auth/password";
import { startThrowawayApp, type ThrowawayApp } from "./app-process";
import { progressPrinter } from "./progress";
import { assertOnlySynthetic, openSyntheticDatabase, type SyntheticDatabase } from "./synthetic-database";
import { generateSyntheticData, sizeFor, type SyntheticShape } from "./synthetic-data";
import { generateSyntheticAssessments } from "./synthetic-assessments";

export interface BenchEnvironment {
  database: SyntheticDatabase;
  client: pg.Client;
  events: number;
  token: string;
  email: string;
  password: string;
}

/** Opens the synthetic database, generating `minEvents` events first when it has fewer. */
export async function openBenchDatabase(minEvents: number, shape: SyntheticShape = "uniform"): Promise<BenchEnvironment> {
  const database = await openSyntheticDatabase(() => {}, shape);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await assertOnlySynthetic(client);
  let events = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "AccessEvent"`)).rows[0]!.n);
  if (events < minEvents) {
    console.log(
      `The ${shape} synthetic database has ${events.toLocaleString("en-GB")} events; generating ${minEvents.toLocaleString("en-GB")} (npm run synth -- --shape ${shape} does the same)…`,
    );
    await generateSyntheticData(client, sizeFor(minEvents), 1, progressPrinter(), shape);
    events = minEvents;
  }
  // A database made before assessments existed (or whose generation stopped half-way): make them (each country, 36 months).
  const { rows: made } = await client.query<{ assessments: number; evidence: number }>(
    `SELECT (SELECT count(*)::int FROM "Assessment") AS assessments, (SELECT count(*)::int FROM "AssessmentEvidence") AS evidence`,
  );
  if (made[0]!.assessments === 0 || made[0]!.evidence === 0) {
    console.log("Adding synthetic assessments (every country, 36 months)…");
    await generateSyntheticAssessments(client, 1);
    await client.query("ANALYZE");
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

/**
 * The production app against the synthetic database. Benchmarks measure speed, not the
 * request budgets (which one benchmark client would spend in seconds), so those are scaled up.
 */
export function startBenchApp(databaseUrl: string, env: Record<string, string> = {}): Promise<ThrowawayApp> {
  return startThrowawayApp({ DATABASE_URL: databaseUrl, AUTH_SECRET: randomBytes(32).toString("hex"), RATE_LIMIT_MULTIPLIER: "1000", ...env });
}
