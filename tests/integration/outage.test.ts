// Database outages on a PostgreSQL of this file's own, which it crashes and restarts: the
// API answers 503 while it is away and recovers by itself (same process, same pool); a batch
// of edits cut by a crash leaves every edit either complete or absent; an exhausted pool
// answers 503 after the acquire timeout instead of hanging.
import { readFile, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type RunningPostgres } from "../../scripts/lib/embedded-postgres";
import { applyMigrations } from "../../scripts/lib/migrations";
import { createPool, createPrismaClient, type PrismaClient } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/domain/errors";
import { issueApiToken } from "@/lib/data/api-tokens";
import { changeStatus } from "@/lib/data/edits/status-change";
import { GET as health } from "@/app/api/health/route";
import { GET as listPresences } from "@/app/api/v1/presences/route";
import { seedUser, unique } from "../support/factories";
import { useDatabase } from "../support/test-database";

let dataDir: string;
let server: RunningPostgres;
let databaseUrl: string;
let prisma: PrismaClient;
let restore: () => Promise<void>;
let token: string;
let analyst: Awaited<ReturnType<typeof seedUser>>["actor"];

async function startServer(port?: number) {
  server = await startEmbeddedPostgres({ dataDir, port });
}

/** PostgreSQL's immediate shutdown (SIGQUIT to the postmaster): like a crash, no clean stop. */
async function crashServer() {
  const pid = Number((await readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
  process.kill(pid, "SIGQUIT");
  for (let i = 0; i < 200; i += 1) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("PostgreSQL did not stop");
}

const presencesRequest = () => new Request("http://localhost/api/v1/presences?country=NER", { headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "access-monitor-outage-"));
  await startServer();
  databaseUrl = await server.createDatabase("outage");
  await applyMigrations(databaseUrl);
  ({ prisma, restore } = useDatabase(databaseUrl));
  await prisma.country.create({ data: { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" } });
  const admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
  const analystUser = await seedUser(prisma, { role: "ANALYST" });
  analyst = analystUser.actor;
  token = (await issueApiToken(admin, { name: "outage test", email: analystUser.user.email })).token;
});

afterAll(async () => {
  await restore?.();
  await server?.stop().catch(() => {});
  await rm(dataDir, { recursive: true, force: true });
});

describe("when PostgreSQL goes away", () => {
  it("answers 503 with a clear message, then recovers by itself when it is back", async () => {
    expect((await health()).status).toBe(200);
    expect((await listPresences(presencesRequest())).status).toBe(200);

    await crashServer();
    const down = await health();
    expect(down.status).toBe(503);
    const api = await listPresences(presencesRequest());
    expect(api.status).toBe(503);
    const body = (await api.json()) as { error: { code: string; message: string } };
    expect(body.error).toEqual({ code: "unavailable", message: "The database is unavailable. Try again in a moment." });

    await startServer(server.port);
    // The same pool, no restart: the first requests after the restart already succeed.
    expect((await health()).status).toBe(200);
    expect((await listPresences(presencesRequest())).status).toBe(200);
  });

  it("loses no saved edit and keeps none of the edits in flight when PostgreSQL crashes mid-transaction", async () => {
    const presenceIds: number[] = [];
    for (let i = 0; i < 14; i += 1) {
      const org = await prisma.organisation.create({ data: { name: unique("Outage NGO"), type: "INGO" } });
      presenceIds.push((await prisma.presence.create({ data: { organisationId: org.id, countryIso3: "NER" } })).id);
    }
    const edit = (presenceId: number, occurredOn: string) =>
      changeStatus(analyst, presenceId, {
        status: "RESTRICTED",
        kind: "RESTRICTION_IMPOSED",
        occurredOn,
        datePrecision: "DAY",
        summary: `Movement restricted (batch edit ${presenceId}).`,
        peopleAffected: 500,
        confidence: "REPORTED",
        version: 1,
        sources: [{ publisher: "Outage Wire", title: `Report ${presenceId}`, quote: "Movement is restricted." }],
      });
    const saved = presenceIds.slice(0, 10);
    const inFlight = presenceIds.slice(10);
    // Ten edits saved, four at a time.
    for (let i = 0; i < saved.length; i += 4) await Promise.all(saved.slice(i, i + 4).map((id) => edit(id, "2026-03-02")));

    // A barrier: another connection holds the April row of the monthly totals, which every
    // April edit updates after it has claimed its presence and written its event and sources.
    const barrier = new pg.Client({ connectionString: databaseUrl });
    await barrier.connect();
    await barrier.query(
      `INSERT INTO "EventMonthTotal" (month, kind, "statusKey", events, "peopleEvents", people) VALUES ('2026-04-01', 'RESTRICTION_IMPOSED', 'RESTRICTED', 0, 0, 0) ON CONFLICT DO NOTHING`,
    );
    await barrier.query("BEGIN");
    await barrier.query(`SELECT * FROM "EventMonthTotal" WHERE month = '2026-04-01' FOR UPDATE`);
    const pending = inFlight.map((id) =>
      edit(id, "2026-04-06").then(
        () => "saved",
        (error: unknown) => error,
      ),
    );
    // Known to be open: each edit's transaction is waiting for the barrier's lock.
    await expect
      .poll(
        async () => {
          // pg_stat_activity is read as of the reader's transaction start: cleared for each look.
          await barrier.query("SELECT pg_stat_clear_snapshot()");
          const { rows } = await barrier.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%EventMonthTotal%'`,
          );
          return rows[0]!.n;
        },
        { timeout: 30_000 },
      )
      .toBe(inFlight.length);
    barrier.on("error", () => {}); // the crash drops it too

    await crashServer();
    const outcomes = await Promise.all(pending);
    await startServer(server.port);

    for (const outcome of outcomes) expect(isDatabaseUnavailable(outcome), String(outcome)).toBe(true);
    const stateOf = async (id: number) => {
      const presence = await prisma.presence.findUniqueOrThrow({ where: { id } });
      const events = await prisma.accessEvent.findMany({ where: { presenceId: id }, include: { sources: true } });
      const audits = await prisma.auditEntry.count({ where: { entityType: "Presence", entityId: String(id) } });
      const sources = await prisma.source.count({ where: { title: `Report ${id}` } });
      return { version: presence.version, status: presence.status, events: events.length, links: events[0]?.sources.length ?? 0, audits, sources };
    };
    // Every edit reported as saved is there in full; every edit cut mid-transaction left nothing.
    for (const id of saved) expect(await stateOf(id), `saved ${id}`).toEqual({ version: 2, status: "RESTRICTED", events: 1, links: 1, audits: 1, sources: 1 });
    for (const id of inFlight) expect(await stateOf(id), `in flight ${id}`).toEqual({ version: 1, status: null, events: 0, links: 0, audits: 0, sources: 0 });
    const april = await prisma.eventMonthTotal.findMany({ where: { month: new Date("2026-04-01T00:00:00Z") } });
    expect(april.every((row) => row.events === 0)).toBe(true);
  });
});

describe("when every connection is taken", () => {
  it("answers 503 after the acquire timeout instead of hanging", async () => {
    const tiny = createPool(databaseUrl, 1, 500);
    const tinyPrisma = createPrismaClient(tiny);
    const globals = globalThis as unknown as { prisma?: PrismaClient; pgPool?: typeof tiny };
    const previous = { prisma: globals.prisma, pgPool: globals.pgPool };
    globals.prisma = tinyPrisma;
    globals.pgPool = tiny;
    const held = await tiny.connect();
    try {
      const started = performance.now();
      const response = await listPresences(presencesRequest());
      const waited = performance.now() - started;
      expect(response.status).toBe(503);
      expect(waited).toBeGreaterThanOrEqual(400);
      expect(waited).toBeLessThan(5_000);
    } finally {
      held.release();
      globals.prisma = previous.prisma;
      globals.pgPool = previous.pgPool;
      await tinyPrisma.$disconnect();
      await tiny.end();
    }
    expect((await listPresences(presencesRequest())).status).toBe(200);
  });
});
