import "server-only";
// The two webhook jobs. The outbox is the change log (DataChange), written by triggers in
// the transaction of each change: what rolled back is not there, what committed is.
//
// - dispatch: turns new changes into deliveries, one per (subscription, change), in one
//   transaction with the jobs that send them and the position it has read to. The log is
//   read below the oldest running writer, like `GET /api/v1/changes`, so a change that
//   commits late is never passed over. Only one dispatch runs at a time (the position's
//   row is locked), on however many app instances.
// - deliver: sends one delivery, signed, and records the attempt; a failure is tried again
//   later (exponential backoff) by a job queued in the same transaction as the record.
import type { PoolClient } from "pg";
import { CHANGE_COLUMNS, changeItemOf, type ChangeRow } from "@/lib/data/changes";
import { DELIVERY_TIMEOUT_MS, MAX_DELIVERY_ATTEMPTS, retryDelayMs, SIGNATURE_HEADER, signatureHeader } from "@/lib/domain/webhooks";
import { postJson } from "./http-post";

export const DISPATCH_TASK = "webhooks:dispatch";
export const DELIVER_TASK = "webhooks:deliver";
const BATCH = 500;

export interface WebhookSettings {
  allowLocal: boolean;
  retryBaseMs: number;
}

/** Queues a job in the caller's transaction (the queue's own SQL function). */
export async function queueJob(
  client: { query: (sql: string, values: unknown[]) => Promise<unknown> },
  task: string,
  payload: object,
  key: string,
  runAt: Date | null = null,
): Promise<void> {
  await client.query(`SELECT graphile_worker.add_job($1, $2::json, job_key := $3, run_at := $4::timestamptz)`, [task, JSON.stringify(payload), key, runAt]);
}

export const deliveryJobKey = (deliveryId: number) => `webhook-delivery:${deliveryId}`;

async function inTransaction<T>(client: PoolClient, run: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await run();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/** Fans the new changes out to deliveries; returns how many deliveries it made. */
export async function dispatchChanges(client: PoolClient): Promise<number> {
  let made = 0;
  for (;;) {
    const { count, full } = await inTransaction(client, () => dispatchBatch(client));
    made += count;
    if (!full) break;
  }
  // Committed changes above the horizon wait for an older transaction (here, or in another
  // database on the same server) to end: come back for them shortly.
  const { rows } = await client.query<{ waiting: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM "DataChange" c, "WebhookDispatchPosition" p
       WHERE p.id = 1 AND (c.txid, c.seq) > (p.txid, p.seq) AND c.txid >= pg_snapshot_xmin(pg_current_snapshot())::text::bigint
         AND c.txid >= (SELECT min("startTxid") FROM "WebhookSubscription" WHERE "disabledAt" IS NULL)) AS waiting`,
  );
  if (rows[0]?.waiting) await queueJob(client, DISPATCH_TASK, {}, DISPATCH_TASK, new Date(Date.now() + 500));
  return made;
}

async function dispatchBatch(client: PoolClient): Promise<{ count: number; full: boolean }> {
  const { rows: positions } = await client.query<{ txid: string; seq: string }>(
    `SELECT txid::text, seq::text FROM "WebhookDispatchPosition" WHERE id = 1 FOR UPDATE`,
  );
  const position = positions[0]!;
  const { rows: subscriptions } = await client.query<{ id: number; kinds: string[]; start_txid: string }>(
    `SELECT id, kinds, "startTxid"::text AS start_txid FROM "WebhookSubscription" WHERE "disabledAt" IS NULL`,
  );
  if (subscriptions.length === 0) return { count: 0, full: false };
  const earliest = subscriptions.map((s) => BigInt(s.start_txid)).reduce((a, b) => (a < b ? a : b));
  const { rows: changes } = await client.query<ChangeRow>(
    `SELECT ${CHANGE_COLUMNS} FROM "DataChange" c
     WHERE (c.txid, c.seq) > ($1::bigint, $2::bigint) AND c.txid >= $3::bigint
       AND c.txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
     ORDER BY c.txid, c.seq LIMIT ${BATCH}`,
    [position.txid, position.seq, String(earliest)],
  );
  let count = 0;
  for (const change of changes) {
    for (const subscription of subscriptions) {
      if (!subscription.kinds.includes(change.kind) || BigInt(change.txid) < BigInt(subscription.start_txid)) continue;
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO "WebhookDelivery" ("subscriptionId", "changeSeq", kind, body, "nextAttemptAt")
         VALUES ($1, $2::bigint, $3, '', now() AT TIME ZONE 'UTC') ON CONFLICT DO NOTHING RETURNING id`,
        [subscription.id, change.seq, change.kind],
      );
      const delivery = rows[0];
      if (!delivery) continue;
      // The body names its delivery, so that a receiver can tell a retry from a new change.
      const body = JSON.stringify({ deliveryId: delivery.id, subscriptionId: subscription.id, change: changeItemOf(change) });
      await client.query(`UPDATE "WebhookDelivery" SET body = $2 WHERE id = $1`, [delivery.id, body]);
      await queueJob(client, DELIVER_TASK, { deliveryId: delivery.id }, deliveryJobKey(delivery.id));
      count++;
    }
  }
  const last = changes.at(-1);
  if (last) await client.query(`UPDATE "WebhookDispatchPosition" SET txid = $1::bigint, seq = $2::bigint WHERE id = 1`, [last.txid, last.seq]);
  return { count, full: changes.length === BATCH };
}

interface DeliveryRow {
  id: number;
  body: string;
  state: string;
  attempts: number;
  url: string;
  secret: string;
  kind: string;
  disabled: boolean;
}

/** Sends one delivery and records the attempt (and the next one, after a failure). */
export async function deliver(client: PoolClient, deliveryId: number, settings: WebhookSettings, now = () => new Date()): Promise<void> {
  const { rows } = await client.query<DeliveryRow>(
    `SELECT d.id, d.body, d.state, d.attempts, d.kind, s.url, s.secret, s."disabledAt" IS NOT NULL AS disabled
     FROM "WebhookDelivery" d JOIN "WebhookSubscription" s ON s.id = d."subscriptionId" WHERE d.id = $1`,
    [deliveryId],
  );
  const delivery = rows[0];
  if (!delivery || delivery.state !== "PENDING") return;
  if (delivery.disabled) {
    await client.query(`UPDATE "WebhookDelivery" SET state = 'FAILED', "nextAttemptAt" = NULL, "lastError" = 'The subscription was disabled' WHERE id = $1`, [
      deliveryId,
    ]);
    return;
  }
  const sentAt = now();
  const unixSeconds = Math.floor(sentAt.getTime() / 1000);
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    statusCode = await postJson(
      delivery.url,
      delivery.body,
      {
        [SIGNATURE_HEADER]: signatureHeader(delivery.secret, unixSeconds, delivery.body),
        "X-Access-Monitor-Delivery": String(delivery.id),
        "X-Access-Monitor-Event": delivery.kind,
        "User-Agent": "AccessMonitor-Webhooks/1",
      },
      { allowLocal: settings.allowLocal, timeoutMs: DELIVERY_TIMEOUT_MS },
    );
    if (statusCode < 200 || statusCode > 299) error = `The receiver answered ${statusCode}`;
  } catch (failure) {
    error = failure instanceof Error ? failure.message.slice(0, 500) : "The request failed";
  }
  const attempts = delivery.attempts + 1;
  await inTransaction(client, async () => {
    if (!error) {
      await client.query(
        `UPDATE "WebhookDelivery" SET state = 'DELIVERED', attempts = $2, "lastStatusCode" = $3, "lastError" = NULL,
           "lastAttemptAt" = $4::timestamptz AT TIME ZONE 'UTC', "deliveredAt" = $4::timestamptz AT TIME ZONE 'UTC', "nextAttemptAt" = NULL WHERE id = $1`,
        [deliveryId, attempts, statusCode, sentAt.toISOString()],
      );
      return;
    }
    const next = attempts < MAX_DELIVERY_ATTEMPTS ? new Date(sentAt.getTime() + retryDelayMs(attempts + 1, settings.retryBaseMs)) : null;
    await client.query(
      `UPDATE "WebhookDelivery" SET state = $2, attempts = $3, "lastStatusCode" = $4, "lastError" = $5,
         "lastAttemptAt" = $6::timestamptz AT TIME ZONE 'UTC', "nextAttemptAt" = $7::timestamptz AT TIME ZONE 'UTC' WHERE id = $1`,
      [deliveryId, next ? "PENDING" : "FAILED", attempts, statusCode, error, sentAt.toISOString(), next?.toISOString() ?? null],
    );
    if (next) await queueJob(client, DELIVER_TASK, { deliveryId }, deliveryJobKey(deliveryId), next);
  });
}
