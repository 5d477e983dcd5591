-- AlterTable
ALTER TABLE "DataChange" ADD COLUMN     "previousStatus" "Status",
ADD COLUMN     "status" "Status";

-- CreateIndex
CREATE INDEX "DataChange_countryIso3_txid_seq_idx" ON "DataChange"("countryIso3", "txid", "seq");

-- CreateIndex
CREATE INDEX "DataChange_organisationId_txid_seq_idx" ON "DataChange"("organisationId", "txid", "seq");

-- CreateTable
CREATE TABLE "FeedToken" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "filters" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,

    CONSTRAINT "FeedToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FeedToken_tokenHash_key" ON "FeedToken"("tokenHash");

-- CreateIndex
CREATE INDEX "FeedToken_userId_idx" ON "FeedToken"("userId");

-- AddForeignKey
ALTER TABLE "FeedToken" ADD CONSTRAINT "FeedToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A status change now records the status it changed to and from, as of that change (feeds
-- and webhooks describe it without reading the presence, which may have changed again).
CREATE OR REPLACE FUNCTION public.record_presence_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous "Status";
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO "DataChange" ("changedAt", kind, "entityType", "entityId", "countryIso3", "organisationId", "previousStatus")
      VALUES (now() AT TIME ZONE 'UTC', 'presence.removed', 'Presence', OLD.id, OLD."countryIso3", OLD."organisationId", OLD.status);
    RETURN NULL;
  END IF;
  IF NEW.status IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'UPDATE' THEN
    IF NEW.status IS NOT DISTINCT FROM OLD.status AND NEW.since IS NOT DISTINCT FROM OLD.since THEN
      RETURN NULL;
    END IF;
    previous := OLD.status;
  END IF;
  INSERT INTO "DataChange" ("changedAt", kind, "entityType", "entityId", "countryIso3", "organisationId", status, "previousStatus")
    VALUES (now() AT TIME ZONE 'UTC', 'presence.statusChanged', 'Presence', NEW.id, NEW."countryIso3", NEW."organisationId", NEW.status, previous);
  RETURN NULL;
END $$;
