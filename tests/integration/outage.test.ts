// Database outages on a PostgreSQL of this file's own, which it crashes and restarts: the
// API answers 503 while it is away and recovers by itself (same process, same pool); a batch
// of edits cut by a crash leaves every edit either complete or absent; an exhausted pool
// answers 503 after the acquire timeout instead of hanging.
import { readFile, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type RunningPostgres } from "../../scripts/lib/embedded-postgres";
import { applyMigrations } from "../../scripts/lib/migrations";
import { createPool, createPrismaClient, isDatabaseUnavailable, type PrismaClient } from "@/lib/db";
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

  it("leaves every edit of an interrupted batch either complete or absent", async () => {
    const presenceIds: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const org = await prisma.organisation.create({ data: { name: unique("Outage NGO"), type: "INGO" } });
      presenceIds.push((await prisma.presence.create({ data: { organisationId: org.id, countryIso3: "NER" } })).id);
    }
    const edit = (presenceId: number) =>
      changeStatus(analyst, presenceId, {
        status: "RESTRICTED",
        kind: "RESTRICTION_IMPOSED",
        occurredOn: "2026-03-02",
        datePrecision: "DAY",
        summary: `Movement restricted (batch edit ${presenceId}).`,
        peopleAffected: 500,
        confidence: "REPORTED",
        version: 1,
        sources: [{ publisher: "Outage Wire", title: `Report ${presenceId}`, quote: "Movement is restricted." }],
      });

    // Four edits in flight at a time; the server is crashed once ten have finished.
    const outcomes: { id: number; result: PromiseSettledResult<unknown> }[] = [];
    let next = 0;
    let crashed: Promise<void> | undefined;
    const worker = async () => {
      while (next < presenceIds.length) {
        const id = presenceIds[next++]!;
        const [result] = await Promise.allSettled([edit(id)]);
        outcomes.push({ id, result: result! });
        if (outcomes.length === 10) crashed ??= crashServer();
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    await crashed;
    await startServer(server.port);

    const saved = outcomes.filter((o) => o.result.status === "fulfilled").map((o) => o.id);
    const failures = outcomes.flatMap((o) => (o.result.status === "rejected" ? [o.result.reason as unknown] : []));
    expect(saved.length).toBeGreaterThanOrEqual(10);
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) expect(isDatabaseUnavailable(failure), String(failure)).toBe(true);

    const complete: number[] = [];
    for (const id of presenceIds) {
      const presence = await prisma.presence.findUniqueOrThrow({ where: { id } });
      const events = await prisma.accessEvent.findMany({ where: { presenceId: id }, include: { sources: true } });
      const audits = await prisma.auditEntry.count({ where: { entityType: "Presence", entityId: String(id) } });
      const sources = await prisma.source.count({ where: { title: `Report ${id}` } });
      const state = { version: presence.version, status: presence.status, events: events.length, links: events[0]?.sources.length ?? 0, audits, sources };
      if (presence.version === 1) {
        expect(state, `presence ${id}`).toEqual({ version: 1, status: null, events: 0, links: 0, audits: 0, sources: 0 });
      } else {
        expect(state, `presence ${id}`).toEqual({ version: 2, status: "RESTRICTED", events: 1, links: 1, audits: 1, sources: 1 });
        complete.push(id);
      }
    }
    // Every edit reported as saved is there: nothing acknowledged was lost.
    expect(complete).toEqual(expect.arrayContaining(saved));
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
