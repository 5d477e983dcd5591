-- CreateTable
CREATE TABLE "Assessment" (
    "id" SERIAL NOT NULL,
    "countryIso3" VARCHAR(3) NOT NULL,
    "areaCode" VARCHAR(6),
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentVersion" (
    "id" SERIAL NOT NULL,
    "assessmentId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "reviewState" "ReviewState" NOT NULL DEFAULT 'DRAFT',
    "computedLevel" INTEGER,
    "overrideLevel" INTEGER,
    "overrideReason" TEXT,
    "authorId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "publishedById" INTEGER,

    CONSTRAINT "AssessmentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentIndicator" (
    "versionId" INTEGER NOT NULL,
    "category" "ConstraintCategory" NOT NULL,
    "score" INTEGER,
    "rationale" TEXT NOT NULL,

    CONSTRAINT "AssessmentIndicator_pkey" PRIMARY KEY ("versionId","category")
);

-- CreateTable
CREATE TABLE "AssessmentEvidence" (
    "versionId" INTEGER NOT NULL,
    "category" "ConstraintCategory" NOT NULL,
    "eventId" INTEGER NOT NULL,
    "eventVersion" INTEGER NOT NULL,
    "eventCategory" "ConstraintCategory",

    CONSTRAINT "AssessmentEvidence_pkey" PRIMARY KEY ("versionId","category","eventId")
);

-- CreateIndex
CREATE INDEX "Assessment_countryIso3_periodTo_idx" ON "Assessment"("countryIso3", "periodTo");

-- CreateIndex
CREATE INDEX "AssessmentVersion_reviewState_publishedAt_idx" ON "AssessmentVersion"("reviewState", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentVersion_assessmentId_version_key" ON "AssessmentVersion"("assessmentId", "version");

-- CreateIndex
CREATE INDEX "AssessmentEvidence_eventId_idx" ON "AssessmentEvidence"("eventId");

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_countryIso3_fkey" FOREIGN KEY ("countryIso3") REFERENCES "Country"("iso3") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_areaCode_fkey" FOREIGN KEY ("areaCode") REFERENCES "Area"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentVersion" ADD CONSTRAINT "AssessmentVersion_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentVersion" ADD CONSTRAINT "AssessmentVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentVersion" ADD CONSTRAINT "AssessmentVersion_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentIndicator" ADD CONSTRAINT "AssessmentIndicator_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "AssessmentVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentEvidence" ADD CONSTRAINT "AssessmentEvidence_versionId_category_fkey" FOREIGN KEY ("versionId", "category") REFERENCES "AssessmentIndicator"("versionId", "category") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentEvidence" ADD CONSTRAINT "AssessmentEvidence_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "AccessEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The scales of lib/domain/assessments.ts, held by the database too.
ALTER TABLE "AssessmentIndicator" ADD CONSTRAINT "AssessmentIndicator_score_range" CHECK ("score" BETWEEN 0 AND 3);
ALTER TABLE "AssessmentVersion" ADD CONSTRAINT "AssessmentVersion_level_range" CHECK ("computedLevel" BETWEEN 0 AND 5 AND "overrideLevel" BETWEEN 0 AND 5);
ALTER TABLE "AssessmentVersion" ADD CONSTRAINT "AssessmentVersion_override_reason" CHECK (("overrideLevel" IS NULL) = ("overrideReason" IS NULL));
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_period_order" CHECK ("periodFrom" <= "periodTo");
