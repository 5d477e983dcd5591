-- AlterTable
ALTER TABLE "AccessEvent" ADD COLUMN     "organisationTypes" "OrganisationType"[],
ADD COLUMN     "parentEventId" INTEGER;

-- CreateTable
CREATE TABLE "Area" (
    "code" VARCHAR(6) NOT NULL,
    "countryIso3" VARCHAR(3) NOT NULL,
    "name" TEXT NOT NULL,
    "level" INTEGER NOT NULL DEFAULT 1,
    "pcode" TEXT,

    CONSTRAINT "Area_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "EventArea" (
    "eventId" INTEGER NOT NULL,
    "areaCode" VARCHAR(6) NOT NULL,

    CONSTRAINT "EventArea_pkey" PRIMARY KEY ("eventId","areaCode")
);

-- CreateTable
CREATE TABLE "PresenceArea" (
    "presenceId" INTEGER NOT NULL,
    "areaCode" VARCHAR(6) NOT NULL,

    CONSTRAINT "PresenceArea_pkey" PRIMARY KEY ("presenceId","areaCode")
);

-- CreateTable
CREATE TABLE "EventOrganisation" (
    "eventId" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,

    CONSTRAINT "EventOrganisation_pkey" PRIMARY KEY ("eventId","organisationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Area_pcode_key" ON "Area"("pcode");

-- CreateIndex
CREATE INDEX "Area_countryIso3_idx" ON "Area"("countryIso3");

-- CreateIndex
CREATE INDEX "EventArea_areaCode_eventId_idx" ON "EventArea"("areaCode", "eventId");

-- CreateIndex
CREATE INDEX "EventOrganisation_organisationId_idx" ON "EventOrganisation"("organisationId");

-- CreateIndex
CREATE INDEX "AccessEvent_parentEventId_idx" ON "AccessEvent"("parentEventId");

-- AddForeignKey
ALTER TABLE "AccessEvent" ADD CONSTRAINT "AccessEvent_parentEventId_fkey" FOREIGN KEY ("parentEventId") REFERENCES "AccessEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Area" ADD CONSTRAINT "Area_countryIso3_fkey" FOREIGN KEY ("countryIso3") REFERENCES "Country"("iso3") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventArea" ADD CONSTRAINT "EventArea_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "AccessEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventArea" ADD CONSTRAINT "EventArea_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PresenceArea" ADD CONSTRAINT "PresenceArea_presenceId_fkey" FOREIGN KEY ("presenceId") REFERENCES "Presence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PresenceArea" ADD CONSTRAINT "PresenceArea_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventOrganisation" ADD CONSTRAINT "EventOrganisation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "AccessEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventOrganisation" ADD CONSTRAINT "EventOrganisation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
