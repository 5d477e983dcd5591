import "server-only";
// Webhook subscriptions (admins): made with a secret shown once, disabled (never deleted, so
// the delivery log stays), and their deliveries listed and re-sent. Sending is the job
// queue's (lib/jobs/webhooks.ts).
import { randomBytes } from "node:crypto";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { z } from "zod";
import { db } from "@/lib/db";
import { webhookAllowLocal as allowLocal } from "@/lib/env";
import { authorize, type Actor } from "@/lib/domain/actor";
import { wholeNumber } from "@/lib/domain/edit-schemas";
import { NotFoundError, RuleError } from "@/lib/domain/errors";
import { isForbiddenAddress, webhookSubscriptionSchema } from "@/lib/domain/webhooks";
import { DELIVER_TASK, deliveryJobKey, queueJob } from "@/lib/jobs/webhooks";
import { recordAudit } from "./audit";

const idSchema = z.object({ id: wholeNumber().pipe(z.number().positive()) }).strict();

/** Refuses an address whose host is, or resolves to, a loopback, private or link-local address (checked again at each delivery). */
async function assertPublicTarget(url: string): Promise<void> {
  if (allowLocal()) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host)
    ? [host]
    : await lookup(host, { all: true }).then(
        (found) => found.map((a) => a.address),
        () => {
          throw new RuleError(`The host ${host} could not be found.`, "url");
        },
      );
  const refused = addresses.find(isForbiddenAddress);
  if (refused) throw new RuleError(`${host} is, or resolves to, ${refused}: a loopback, private or link-local address, which webhooks may not reach.`, "url");
}

export interface CreatedWebhook {
  id: number;
  /** Signs every delivery; shown once. */
  secret: string;
}

export async function createWebhook(actor: Actor | null, input: unknown): Promise<CreatedWebhook> {
  const admin = authorize(actor, "manageWebhooks");
  const { url, events } = webhookSubscriptionSchema(allowLocal()).parse(input);
  await assertPublicTarget(url);
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  return db().$transaction(async (tx) => {
    // Changes of transactions from this one on are delivered: none from before it existed.
    const [{ txid }] = await tx.$queryRaw<[{ txid: bigint }]>`SELECT pg_current_xact_id()::text::bigint AS txid`;
    const record = await tx.webhookSubscription.create({ data: { url, kinds: events, secret, createdById: admin.id, startTxid: txid } });
    await recordAudit(tx, {
      actorId: admin.id,
      action: "webhook.create",
      entityType: "WebhookSubscription",
      entityId: String(record.id),
      after: { url, events },
    });
    return { id: record.id, secret };
  });
}

export async function disableWebhook(actor: Actor | null, input: unknown, now = new Date()): Promise<void> {
  const admin = authorize(actor, "manageWebhooks");
  const { id } = idSchema.parse(input);
  await db().$transaction(async (tx) => {
    const subscription = await tx.webhookSubscription.findUnique({ where: { id } });
    if (!subscription) throw new NotFoundError("This webhook");
    if (subscription.disabledAt) return;
    await tx.webhookSubscription.update({ where: { id }, data: { disabledAt: now } });
    await recordAudit(tx, {
      actorId: admin.id,
      action: "webhook.disable",
      entityType: "WebhookSubscription",
      entityId: String(id),
      before: { disabledAt: null },
      after: { disabledAt: now.toISOString() },
    });
  });
}

export async function listWebhooks(actor: Actor | null) {
  authorize(actor, "manageWebhooks");
  const subscriptions = await db().webhookSubscription.findMany({
    orderBy: [{ disabledAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, url: true, kinds: true, createdAt: true, disabledAt: true, createdBy: { select: { email: true } } },
  });
  const counts = await db().webhookDelivery.groupBy({ by: ["subscriptionId", "state"], _count: { _all: true } });
  return subscriptions.map((s) => ({
    ...s,
    deliveries: Object.fromEntries(counts.filter((c) => c.subscriptionId === s.id).map((c) => [c.state, c._count._all])) as Record<string, number>,
  }));
}

/** What a delivery's change is about, read back from its body (for the log's links). */
function entityOf(body: string): { type: string; id: number } | null {
  try {
    const entity = (JSON.parse(body) as { change?: { entity?: { type?: unknown; id?: unknown } } }).change?.entity;
    return typeof entity?.type === "string" && typeof entity.id === "number" ? { type: entity.type, id: entity.id } : null;
  } catch {
    return null;
  }
}

/** The delivery log shown on a subscription's page: the newest first. */
export const DELIVERY_LOG_SIZE = 100;

export async function webhookWithDeliveries(actor: Actor | null, id: number) {
  authorize(actor, "manageWebhooks");
  const subscription = await db().webhookSubscription.findUnique({
    where: { id },
    select: { id: true, url: true, kinds: true, createdAt: true, disabledAt: true, createdBy: { select: { email: true } } },
  });
  if (!subscription) return null;
  const deliveries = await db().webhookDelivery.findMany({
    where: { subscriptionId: id },
    orderBy: { id: "desc" },
    take: DELIVERY_LOG_SIZE,
    select: {
      id: true,
      kind: true,
      changeSeq: true,
      state: true,
      attempts: true,
      lastStatusCode: true,
      lastError: true,
      lastAttemptAt: true,
      nextAttemptAt: true,
      deliveredAt: true,
      createdAt: true,
      body: true,
    },
  });
  return {
    subscription,
    deliveries: deliveries.map(({ body, ...d }) => ({ ...d, entity: entityOf(body) })),
  };
}

/** Sends a delivery again (delivered, failed or waiting): queued now, in the transaction that records it. */
export async function resendDelivery(actor: Actor | null, input: unknown): Promise<void> {
  const admin = authorize(actor, "manageWebhooks");
  const { id } = idSchema.parse(input);
  await db().$transaction(async (tx) => {
    const [delivery] = await tx.$queryRaw<{ subscription_id: number; disabled: boolean; state: string }[]>`
      SELECT d."subscriptionId" AS subscription_id, s."disabledAt" IS NOT NULL AS disabled, d.state
      FROM "WebhookDelivery" d JOIN "WebhookSubscription" s ON s.id = d."subscriptionId" WHERE d.id = ${id} FOR UPDATE OF d`;
    if (!delivery) throw new NotFoundError("This delivery");
    if (delivery.disabled) throw new RuleError("This webhook is disabled: its deliveries are no longer sent.");
    await tx.webhookDelivery.update({ where: { id }, data: { state: "PENDING", nextAttemptAt: new Date() } });
    await queueJob({ query: (sql: string, values: unknown[]) => tx.$executeRawUnsafe(sql, ...values) }, DELIVER_TASK, { deliveryId: id }, deliveryJobKey(id));
    await recordAudit(tx, {
      actorId: admin.id,
      action: "webhook.resend",
      entityType: "WebhookSubscription",
      entityId: String(delivery.subscription_id),
      before: { deliveryId: id, state: delivery.state },
      after: { deliveryId: id, state: "PENDING" },
    });
  });
}
