-- DropIndex
DROP INDEX "AccessEvent_countryIso3_occurredOn_idx";

-- CreateIndex
CREATE INDEX "AccessEvent_countryIso3_occurredOn_id_idx" ON "AccessEvent"("countryIso3", "occurredOn", "id");
