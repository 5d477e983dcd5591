-- CreateIndex
CREATE INDEX "AccessEvent_drafts_idx" ON "AccessEvent"("createdAt" DESC, "id" DESC) WHERE ("reviewState" = 'DRAFT' AND "parentEventId" IS NULL);
