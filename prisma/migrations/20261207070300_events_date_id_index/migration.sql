-- DropIndex
DROP INDEX "AccessEvent_occurredOn_idx";

-- CreateIndex
CREATE INDEX "AccessEvent_occurredOn_id_idx" ON "AccessEvent"("occurredOn", "id");
