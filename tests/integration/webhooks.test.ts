// Webhooks through the real job queue (graphile-worker on the test database) to a real
// receiver on 127.0.0.1: one signed delivery per committed change, none for a rolled-back
// one, retries after failures, a change committed while no worker runs delivered when one
// starts again, re-sending, and addresses that may not be reached.
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { changeStatus } from "@/lib/data/edits/status-change";
import { createWebhook, disableWebhook, listWebhooks, resendDelivery, webhookWithDeliveries } from "@/lib/data/webhooks";
import { startWorker } from "@/lib/jobs/worker";
import { postJson } from "@/lib/jobs/http-post";
import { issueApiToken } from "@/lib/data/api-tokens";
import { POST as createWebhookRoute } from "@/app/api/v1/webhooks/route";
import { DELETE as disableWebhookRoute } from "@/app/api/v1/webhooks/[id]/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { seedPresenceWithStatus, seedUser } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

interface Received {
  headers: IncomingMessage["headers"];
  body: string;
  at: number;
}

let prisma: PrismaClient;
let restore: () => Promise<void>;
let databaseUrl: string;
let admin: Actor;
let analyst: Actor;
let worker: Runner | null = null;
let server: Server;
let receiverUrl: string;
const received: Received[] = [];
/** The receiver answers 500 to this many requests for this kind of change (then 200). */
const failing = { kind: "", left: 0 };
const RETRY_BASE_MS = 150;

const start = async () => {
  worker = await startWorker({ connectionString: databaseUrl, allowLocal: true, retryBaseMs: RETRY_BASE_MS, pollIntervalMs: 200 });
};
const stop = async () => {
  await worker?.stop();
  worker = null;
};

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What arrived, in the order of the changes: two deliveries may be sent at once and arrive either way. */
const inChangeOrder = (list: Received[]) => [...list].sort((a, b) => body(a).deliveryId - body(b).deliveryId);

const body = (r: Received) =>
  JSON.parse(r.body) as { deliveryId: number; subscriptionId: number; change: { kind: string; entity: { type: string; id: number } } };

/** Checks the signature as a receiver would: HMAC-SHA256 of "<t>.<body>" with the secret. */
function signedBy(secret: string, r: Received): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(r.headers["x-access-monitor-signature"]));
  if (!match) return false;
  const expected = createHmac("sha256", secret).update(`${match[1]}.${r.body}`).digest("hex");
  return expected === match[2] && Math.abs(Number(match[1]) - Date.now() / 1000) < 60;
}

const statusChange = (version: number, status: "RESTRICTED" | "OPERATING", day: string) => ({
  status,
  kind: status === "RESTRICTED" ? "RESTRICTION_IMPOSED" : "RESTRICTION_LIFTED",
  occurredOn: day,
  datePrecision: "DAY",
  summary: `Status ${status.toLowerCase()} for the webhook test.`,
  confidence: "REPORTED",
  version,
  sources: [{ publisher: "Test Wire", title: "A report" }],
});

beforeAll(async () => {
  databaseUrl = await createFreshDatabase(inject("serverUrl"));
  ({ prisma, restore } = useDatabase(databaseUrl));
  await prisma.country.create({ data: { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" } });
  admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
  analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      const fail = request.headers["x-access-monitor-event"] === failing.kind && failing.left > 0;
      if (fail) failing.left--;
      response.statusCode = fail ? 500 : 200;
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  process.env.WEBHOOK_ALLOW_LOCAL = "true";
  await start();
});
afterAll(async () => {
  await stop();
  await new Promise((resolve) => server.close(resolve));
  delete process.env.WEBHOOK_ALLOW_LOCAL;
  await restore();
});

describe("webhooks", () => {
  let secret: string;
  let subscriptionId: number;
  let presence: { id: number; version: number };

  it("deliver exactly one signed request per committed change, none for a rolled-back one", async () => {
    presence = await seedPresenceWithStatus(analyst, { name: "Webhook Org", status: "OPERATING", since: "2024-01-01" });
    // Made after the presence: what came before a subscription is not sent to it.
    ({ id: subscriptionId, secret } = await createWebhook(admin, { url: receiverUrl, events: ["event.published", "presence.statusChanged"] }));
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const committed = await changeStatus(analyst, presence.id, statusChange(presence.version, "RESTRICTED", "2025-02-01"));
    presence.version = committed.presence.version;
    // A write that rolls back after its triggers ran: its change log rows go with it.
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.accessEvent.create({
          data: {
            countryIso3: "NER",
            presenceId: presence.id,
            kind: "OTHER",
            occurredOn: new Date("2025-02-02"),
            datePrecision: "DAY",
            summary: "Rolled back.",
            confidence: "REPORTED",
          },
        });
        throw new Error("rolled back on purpose");
      }),
    ).rejects.toThrow("rolled back on purpose");

    await until("two deliveries", async () => received.length >= 2);
    // Give a stray third one (the rolled-back change) time to come, had it been queued.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(inChangeOrder(received).map((r) => [body(r).change.kind, body(r).change.entity.id])).toEqual([
      ["event.published", committed.eventId],
      ["presence.statusChanged", presence.id],
    ]);
    expect(received.every((r) => signedBy(secret, r))).toBe(true);
    expect(inChangeOrder(received).map((r) => r.headers["x-access-monitor-event"])).toEqual(["event.published", "presence.statusChanged"]);
    expect(received.map((r) => Number(r.headers["x-access-monitor-delivery"]))).toEqual(received.map((r) => body(r).deliveryId));
    const log = await webhookWithDeliveries(admin, subscriptionId);
    expect(log!.deliveries.map((d) => [d.state, d.attempts, d.lastStatusCode])).toEqual([
      ["DELIVERED", 1, 200],
      ["DELIVERED", 1, 200],
    ]);
  });

  it("tries again, later each time, after the receiver answers 500 twice, and logs each attempt", async () => {
    received.length = 0;
    Object.assign(failing, { kind: "event.published", left: 2 });
    const lifted = await changeStatus(analyst, presence.id, statusChange(presence.version, "OPERATING", "2025-03-01"));
    presence.version = lifted.presence.version;
    // Two changes (the event and the status), the first tried three times.
    await until("the retried delivery", async () => received.length >= 4);
    const byDelivery = new Map<number, Received[]>();
    for (const r of received) byDelivery.set(body(r).deliveryId, [...(byDelivery.get(body(r).deliveryId) ?? []), r]);
    const attempts = [...byDelivery.values()].map((list) => list.length).sort();
    expect(attempts).toEqual([1, 3]);
    const retried = [...byDelivery.values()].find((list) => list.length === 3)!;
    expect(new Set(retried.map((r) => r.body)).size).toBe(1);
    const gaps = [retried[1]!.at - retried[0]!.at, retried[2]!.at - retried[1]!.at];
    expect(gaps[0]).toBeGreaterThanOrEqual(RETRY_BASE_MS);
    expect(gaps[1]).toBeGreaterThanOrEqual(2 * RETRY_BASE_MS);
    const log = await until("the log to say delivered", async () => {
      const detail = await webhookWithDeliveries(admin, subscriptionId);
      const row = detail!.deliveries.find((d) => d.id === body(retried[0]!).deliveryId)!;
      return row.state === "DELIVERED" ? row : null;
    });
    expect([log.attempts, log.lastStatusCode, log.lastError]).toEqual([3, 200, null]);
  });

  it("delivers a change committed while no worker runs once one starts again", async () => {
    await stop();
    received.length = 0;
    const change = await changeStatus(analyst, presence.id, statusChange(presence.version, "RESTRICTED", "2025-04-01"));
    presence.version = change.presence.version;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(received).toEqual([]);
    await start();
    await until("the deliveries after the restart", async () => received.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(inChangeOrder(received).map((r) => [body(r).change.kind, body(r).change.entity.id])).toEqual([
      ["event.published", change.eventId],
      ["presence.statusChanged", presence.id],
    ]);
  });

  it("re-sends a delivery on request (audited), and sends nothing once the subscription is disabled", async () => {
    received.length = 0;
    const [latest] = (await webhookWithDeliveries(admin, subscriptionId))!.deliveries;
    await expect(resendDelivery(analyst, { id: latest!.id })).rejects.toThrow();
    await resendDelivery(admin, { id: latest!.id });
    await until("the re-sent delivery", async () => received.length >= 1);
    expect(body(received[0]!).deliveryId).toBe(latest!.id);
    expect(await prisma.auditEntry.count({ where: { action: "webhook.resend", entityId: String(subscriptionId) } })).toBe(1);

    await disableWebhook(admin, { id: subscriptionId });
    received.length = 0;
    await changeStatus(analyst, presence.id, statusChange(presence.version, "OPERATING", "2025-05-01"));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(received).toEqual([]);
    expect((await listWebhooks(admin)).find((w) => w.id === subscriptionId)).toMatchObject({ deliveries: { DELIVERED: 6 } });
  });

  it("refuses targets on loopback, private or link-local addresses unless local use is allowed, when subscribing and when sending", async () => {
    process.env.WEBHOOK_ALLOW_LOCAL = "false";
    try {
      const before = await prisma.webhookSubscription.count();
      for (const url of ["https://127.0.0.1/hook", "https://10.1.2.3/hook", "https://[::1]/hook", "https://169.254.169.254/latest", "https://localhost/hook"]) {
        await expect(createWebhook(admin, { url, events: ["event.published"] }), url).rejects.toThrow(/loopback, private or link-local/);
      }
      await expect(createWebhook(admin, { url: receiverUrl, events: ["event.published"] })).rejects.toThrow(/https/);
      await expect(createWebhook(analyst, { url: "https://hooks.example.org/in", events: ["event.published"] })).rejects.toThrow();
      expect(await prisma.webhookSubscription.count()).toBe(before);
    } finally {
      process.env.WEBHOOK_ALLOW_LOCAL = "true";
    }
    // At sending time too, where the name is resolved (a name may resolve differently later).
    const sentBefore = received.length;
    const localhost = receiverUrl.replace("127.0.0.1", "localhost");
    await expect(postJson(localhost, "{}", {}, { allowLocal: false, timeoutMs: 2000 })).rejects.toThrow(/resolves to (127\.0\.0\.1|::1)/);
    await expect(postJson(receiverUrl, "{}", {}, { allowLocal: false, timeoutMs: 2000 })).rejects.toThrow(/127\.0\.0\.1/);
    expect(received.length).toBe(sentBefore);
  });

  it("are made and disabled through the API by admins only, as the OpenAPI document says", async () => {
    const tokenOf = async (actor: Actor) => (await issueApiToken(admin, { name: "webhooks", email: actor.email })).token;
    const call = (token: string, payload: unknown) =>
      createWebhookRoute(
        new Request("http://localhost/api/v1/webhooks", {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(payload),
        }),
        { params: Promise.resolve({}) },
      );
    const adminToken = await tokenOf(admin);
    const made = await call(adminToken, { url: receiverUrl, events: ["event.retracted"] });
    expect(made.status).toBe(201);
    const { id, secret } = (await made.json()) as { id: number; secret: string };
    expect(secret).toMatch(/^whsec_/);
    expect((await call(await tokenOf(analyst), { url: receiverUrl, events: ["event.retracted"] })).status).toBe(403);
    expect((await call(adminToken, { url: receiverUrl, events: ["event.nonsense"] })).status).toBe(422);
    const disabled = await disableWebhookRoute(
      new Request(`http://localhost/api/v1/webhooks/${id}`, { method: "DELETE", headers: { authorization: `Bearer ${adminToken}` } }),
      {
        params: Promise.resolve({ id: String(id) }),
      },
    );
    expect(disabled.status).toBe(200);
    expect((await prisma.webhookSubscription.findUniqueOrThrow({ where: { id } })).disabledAt).not.toBeNull();
    const doc = (await openApiRoute(new Request("http://localhost/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths["/api/v1/webhooks"]!)).toEqual(["post"]);
    expect(Object.keys(doc.paths["/api/v1/webhooks/{id}"]!)).toEqual(["delete"]);
  });
});
