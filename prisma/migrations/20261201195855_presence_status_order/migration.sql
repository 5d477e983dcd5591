-- CreateIndex
CREATE INDEX "Presence_status_id_idx" ON "Presence"("status" DESC, "id" DESC);
