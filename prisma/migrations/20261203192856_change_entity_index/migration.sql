-- CreateIndex
CREATE INDEX "DataChange_entityType_entityId_idx" ON "DataChange"("entityType", "entityId");
