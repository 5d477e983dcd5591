// Two production app instances on one PostgreSQL behind a real nginx (deploy/nginx/access-monitor.conf,
// as a deployment would run it): a session made through the load balancer works on each
// instance; sign-in throttling counts across them; conflicting edits on the two give one
// winner and one 409; an API token's budget is one budget; an export streams through the
// load balancer; each webhook delivery is sent once; and when an instance is killed
// mid-traffic, no committed write is lost and the next requests go to the other.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { issueApiToken } from "@/lib/data/api-tokens";
import { createWebhook } from "@/lib/data/webhooks";
import type { Actor } from "@/lib/domain/actor";
import { PAGE_CACHE_HEADERS } from "@/lib/domain/page-cache";
import { startThrowawayApp, type ThrowawayApp } from "../../scripts/lib/app-process";
import { startEmbeddedPostgres, type RunningPostgres } from "../../scripts/lib/embedded-postgres";
import { freePort } from "../../scripts/lib/free-port";
import { signInCookie, signInCookieHeaders } from "../../scripts/lib/bench-http";
import { startLoadBalancer, type LoadBalancer } from "../../scripts/lib/load-balancer";
import { seedUser } from "../support/factories";
import { useDatabase } from "../support/test-database";

let dataDir: string;
let database: RunningPostgres;
let prisma: PrismaClient;
let restoreDatabase: () => Promise<void>;
const instances: ThrowawayApp[] = [];
let balancer: LoadBalancer;
let token: string;
let newToken: (name: string) => Promise<string>;
let admin: Actor;
let receiver: Server;
const received: string[] = [];

const api = (base: string, pathname: string, init: RequestInit = {}, bearer = token) =>
  fetch(`${base}${pathname}`, { ...init, headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json", ...init.headers } });

const constraint = (day: string) => ({
  kind: "RESTRICTION_IMPOSED",
  category: "MOVEMENT_RESTRICTIONS",
  occurredOn: day,
  datePrecision: "DAY",
  summary: `Cluster test constraint of ${day}.`,
  confidence: "REPORTED",
  sources: [{ publisher: "Test Wire", title: `Report of ${day}` }],
});

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "access-monitor-cluster-"));
  database = await startEmbeddedPostgres({ dataDir });
  const url = await database.createDatabase("access_monitor");
  const lbPort = await freePort();
  const shared = {
    DATABASE_URL: url,
    AUTH_SECRET: randomBytes(32).toString("hex"),
    NEXTAUTH_URL: `http://localhost:${lbPort}`,
    // The webhook receiver below is on loopback.
    WEBHOOK_ALLOW_LOCAL: "true",
  };
  // One after the other: the first migrates and seeds, the second finds it done.
  for (let i = 0; i < 2; i++) instances.push(await startThrowawayApp(shared));
  balancer = await startLoadBalancer(
    lbPort,
    instances.map((instance) => new URL(instance.base).host.replace("localhost", "127.0.0.1")),
  );
  ({ prisma, restore: restoreDatabase } = useDatabase(url));
  admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push(Buffer.concat(chunks).toString("utf8"));
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const analyst = await seedUser(prisma, { role: "ANALYST" });
  newToken = async (name) => (await issueApiToken(admin, { name, email: analyst.user.email })).token;
  token = await newToken("cluster");
}, 900_000);

afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
  await balancer?.stop();
  for (const instance of instances) await instance.stop();
  await restoreDatabase?.();
  await database?.stop().catch(() => {});
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("two instances behind nginx", () => {
  it("serves a session made through the load balancer on each instance", async () => {
    const { user, password } = await seedUser(prisma, { role: "VIEWER" });
    const cookie = await signInCookie(balancer.base, user.email, password);
    for (const base of [balancer.base, ...instances.map((i) => i.base)]) {
      const response = await fetch(`${base}/api/v1/countries?size=1`, { headers: { cookie } });
      expect(response.status, base).toBe(200);
    }
    // Both instances answered requests through the load balancer.
    const answered = await Promise.all(instances.map((i) => fetch(`${i.base}/api/health`).then((r) => r.status)));
    expect(answered).toEqual([200, 200]);
  });

  it("counts failed sign-ins across instances: the account locks whichever instance is tried", async () => {
    const { user, password } = await seedUser(prisma, { role: "VIEWER" });
    // Ten free failures for one account (lib/domain/throttle.ts), spread over both instances.
    for (let i = 0; i < 10; i++) {
      const headers = await signInCookieHeaders(instances[i % 2]!.base, user.email, "a-wrong-password");
      expect(headers.some((h) => h.includes("session-token"))).toBe(false);
    }
    // Now even the right password is refused, on either instance and through the balancer.
    for (const base of [instances[0]!.base, instances[1]!.base, balancer.base]) {
      const headers = await signInCookieHeaders(base, user.email, password);
      expect(
        headers.some((h) => h.includes("session-token")),
        base,
      ).toBe(false);
    }
    const throttled = await prisma.loginThrottle.count({ where: { key: { contains: user.email.toLowerCase() } } });
    expect(throttled).toBeGreaterThan(0);
  });

  it("counts an API token's request budget across instances (lib/domain/rate-limits.ts: a burst of 60)", async () => {
    const bearer = await newToken("budget");
    const answers = await Promise.all(
      Array.from({ length: 80 }, (_, i) => api(instances[i % 2]!.base, "/api/v1/countries?size=1", {}, bearer).then((r) => r.status)),
    );
    const served = answers.filter((status) => status === 200).length;
    // Counted per instance, all 80 would pass (40 each); counted together, about 60 do (plus what refills meanwhile).
    expect(served).toBeGreaterThanOrEqual(60);
    expect(served).toBeLessThan(70);
    expect(answers.filter((status) => status === 429).length).toBe(80 - served);
  });

  it("gives conflicting edits on the two instances one winner and one 409, one audit entry, one event, the status projected", async () => {
    const presence = await prisma.presence.findFirstOrThrow({ where: { countryIso3: "NER", status: "OPERATING" } });
    const body = JSON.stringify({
      version: presence.version,
      status: "RESTRICTED",
      kind: "RESTRICTION_IMPOSED",
      occurredOn: "2025-06-01",
      datePrecision: "DAY",
      summary: "Cluster test: restricted.",
      confidence: "REPORTED",
      sources: [{ publisher: "Test Wire", title: "Cluster report" }],
    });
    const answers = await Promise.all(instances.map((i) => api(i.base, `/api/v1/presences/${presence.id}/events`, { method: "POST", body })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const after = await prisma.presence.findUniqueOrThrow({ where: { id: presence.id } });
    expect(after.version).toBe(presence.version + 1);
    // One audit entry and one event for the one write that won, and the status projected from it.
    expect(await prisma.auditEntry.count({ where: { action: "presence.statusChange", entityId: String(presence.id) } })).toBe(1);
    expect(await prisma.accessEvent.count({ where: { presenceId: presence.id, summary: "Cluster test: restricted." } })).toBe(1);
    expect(after.status).toBe("RESTRICTED");
  });

  it("streams an export through the load balancer", async () => {
    const response = await api(balancer.base, "/api/v1/export/events?format=csv&country=NER");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).trim().split("\n");
    const published = await prisma.accessEvent.count({ where: { countryIso3: "NER", reviewState: "PUBLISHED" } });
    expect(lines.length - 1).toBeGreaterThanOrEqual(published);
  });

  it("sends each webhook delivery once, though both instances run a job worker", async () => {
    process.env.WEBHOOK_ALLOW_LOCAL = "true";
    await createWebhook(admin, { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, events: ["event.published"] });
    const bearer = await newToken("webhooks");
    const created: number[] = [];
    for (let n = 0; n < 6; n++) {
      const response = await api(
        balancer.base,
        "/api/v1/countries/NER/events",
        { method: "POST", body: JSON.stringify(constraint(`2025-08-0${n + 1}`)) },
        bearer,
      );
      expect(response.status).toBe(201);
      created.push(((await response.json()) as { eventId: number }).eventId);
    }
    const delivered = () => received.map((body) => (JSON.parse(body) as { change: { entity: { id: number } } }).change.entity.id);
    const deadline = Date.now() + 30_000;
    while (!created.every((id) => delivered().includes(id)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    // Time for a second copy to come, had both workers sent one.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(created.filter((id) => !delivered().includes(id))).toEqual([]);
    // Each change once (a constraint may also publish events of the presences it restricts: each of those once too).
    expect(delivered().length).toBe(new Set(delivered()).size);
  });

  it("answers from each instance's read cache until a write on either, then every instance's next read has it", async () => {
    const bearer = await newToken("read cache");
    const summaries = async (base: string) => {
      const response = await api(base, "/api/v1/events?country=NER&size=200", {}, bearer);
      expect(response.status, base).toBe(200);
      return ((await response.json()) as { data: { summary: string }[] }).data.map((e) => e.summary);
    };
    const bases = [...instances.map((i) => i.base), balancer.base];
    // Each instance computes the list once and keeps it (the same answer twice).
    for (const base of bases) expect(await summaries(base)).toEqual(await summaries(base));
    const response = await api(instances[0]!.base, "/api/v1/countries/NER/events", { method: "POST", body: JSON.stringify(constraint("2025-08-20")) }, bearer);
    expect(response.status).toBe(201);
    // The very next read on the other instance, which kept the list from before, has the write.
    for (const base of [instances[1]!.base, instances[0]!.base, balancer.base])
      expect(await summaries(base), base).toContain("Cluster test constraint of 2025-08-20.");
  });

  it("serves each instance's kept pages until a write on either, then every instance's next page load has it", async () => {
    const { user, password } = await seedUser(prisma, { role: "VIEWER" });
    const cookie = await signInCookie(balancer.base, user.email, password);
    const page = async (base: string) => {
      const response = await fetch(`${base}/events?country=NER`, { headers: { cookie, accept: "text/html" } });
      expect(response.status, base).toBe(200);
      return { outcome: response.headers.get(PAGE_CACHE_HEADERS.outcome), html: await response.text() };
    };
    for (const instance of instances) {
      await page(instance.base);
      expect((await page(instance.base)).outcome, instance.base).toBe("hit");
    }
    const bearer = await newToken("page cache");
    const response = await api(instances[0]!.base, "/api/v1/countries/NER/events", { method: "POST", body: JSON.stringify(constraint("2025-08-21")) }, bearer);
    expect(response.status).toBe(201);
    for (const base of [instances[1]!.base, instances[0]!.base, balancer.base]) {
      const next = await page(base);
      expect(next.html, base).toContain("Cluster test constraint of 2025-08-21.");
    }
  });

  it("loses no committed write when an instance is killed mid-traffic, and sends the next requests to the other", async () => {
    const bearer = await newToken("writes");
    const created: number[] = [];
    const refused: string[] = [];
    const write = async (n: number) => {
      const day = `2025-07-${String((n % 28) + 1).padStart(2, "0")}`;
      const response = await api(balancer.base, "/api/v1/countries/NER/events", { method: "POST", body: JSON.stringify(constraint(day)) }, bearer);
      if (response.status === 201) created.push(((await response.json()) as { eventId: number }).eventId);
      else refused.push(`${response.status} ${(await response.text()).slice(0, 120)}`);
    };
    // 25 rounds of two writes (within the token's budget), the first instance killed with
    // SIGKILL (no graceful shutdown) while the eleventh round's writes are in flight.
    for (let n = 0; n < 25; n++) {
      await Promise.all([write(2 * n), write(2 * n + 1), n === 10 ? Promise.resolve().then(() => process.kill(instances[0]!.serverPid(), "SIGKILL")) : null]);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    // Every write answered 201 is in the database: none was lost with the instance.
    expect(await prisma.accessEvent.count({ where: { id: { in: created } } })).toBe(created.length);
    // Only the write in flight on the killed instance may have failed (a 502 from nginx, which never
    // resends a POST it had sent); every later one went to the other instance.
    expect(refused.length, refused.join("\n")).toBeLessThanOrEqual(1);
    expect(refused.every((r) => r.startsWith("502"))).toBe(true);
    expect(created.length).toBe(50 - refused.length);
    // And the load balancer now sends everything to the other instance.
    const after = await Promise.all(Array.from({ length: 10 }, () => api(balancer.base, "/api/v1/countries?size=1", {}, bearer).then((r) => r.status)));
    expect(after).toEqual(Array(10).fill(200));
  });
});
