-- CreateIndex
CREATE INDEX "StatusCountPeriod_current_idx" ON "StatusCountPeriod"("countryIso3", "organisationType", "status", "presences") WHERE ("validUntil" IS NULL);
