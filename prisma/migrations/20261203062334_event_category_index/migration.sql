-- CreateIndex
CREATE INDEX "AccessEvent_category_occurredOn_id_idx" ON "AccessEvent"("category", "occurredOn", "id");
