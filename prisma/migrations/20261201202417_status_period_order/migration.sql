-- CreateIndex
CREATE INDEX "PresenceStatusPeriod_status_presenceId_idx" ON "PresenceStatusPeriod"("status" DESC, "presenceId" DESC);
