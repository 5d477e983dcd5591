-- CreateTable
CREATE TABLE "WebhookSubscription" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "kinds" TEXT[],
    "secret" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startTxid" BIGINT NOT NULL,
    "disabledAt" TIMESTAMP(3),

    CONSTRAINT "WebhookSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" SERIAL NOT NULL,
    "subscriptionId" INTEGER NOT NULL,
    "changeSeq" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "lastAttemptAt" TIMESTAMP(3),
    "nextAttemptAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDispatchPosition" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "txid" BIGINT NOT NULL DEFAULT 0,
    "seq" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "WebhookDispatchPosition_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebhookDelivery_subscriptionId_id_idx" ON "WebhookDelivery"("subscriptionId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_subscriptionId_changeSeq_key" ON "WebhookDelivery"("subscriptionId", "changeSeq");

-- AddForeignKey
ALTER TABLE "WebhookSubscription" ADD CONSTRAINT "WebhookSubscription_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "WebhookSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "WebhookDispatchPosition" (id, txid, seq) VALUES (1, 0, 0);

-- The outbox is the change log itself: a committed change has its row, a rolled-back one
-- none. So that a change is sent soon after it commits, the first change of a transaction
-- also queues the fan-out job (lib/jobs/webhooks.ts) in that same transaction, when some
-- subscription is active and the job queue's schema is installed (the app installs it when
-- it starts its worker). The job key keeps one waiting job, however many transactions queue
-- it. The worker also runs the fan-out when it starts and every minute, so nothing waits
-- on this trigger alone.
CREATE FUNCTION public.queue_webhook_dispatch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('access_monitor.webhook_dispatch_queued', true) = 'yes' THEN RETURN NULL; END IF;
  PERFORM set_config('access_monitor.webhook_dispatch_queued', 'yes', true);
  IF to_regnamespace('graphile_worker') IS NULL THEN RETURN NULL; END IF;
  IF NOT EXISTS (SELECT 1 FROM "WebhookSubscription" WHERE "disabledAt" IS NULL) THEN RETURN NULL; END IF;
  PERFORM graphile_worker.add_job('webhooks:dispatch', '{}'::json, job_key := 'webhooks:dispatch');
  RETURN NULL;
END $$;

CREATE TRIGGER "DataChange_webhook_dispatch" AFTER INSERT ON "DataChange"
  FOR EACH ROW EXECUTE FUNCTION public.queue_webhook_dispatch();
