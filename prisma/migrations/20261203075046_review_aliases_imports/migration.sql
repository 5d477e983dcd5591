-- CreateEnum
CREATE TYPE "ImportState" AS ENUM ('PREVIEW', 'COMMITTED', 'UNDONE');

-- AlterTable
ALTER TABLE "AccessEvent" ADD COLUMN     "importId" INTEGER,
ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "publishedById" INTEGER,
ADD COLUMN     "returnedAt" TIMESTAMP(3),
ADD COLUMN     "reviewComment" TEXT;

-- CreateTable
CREATE TABLE "OrganisationAlias" (
    "id" SERIAL NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "language" VARCHAR(12),
    "acronym" BOOLEAN NOT NULL DEFAULT false,
    "sourceId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganisationAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MergedOrganisation" (
    "id" INTEGER NOT NULL,
    "mergedIntoId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "mergedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "mergedById" INTEGER,

    CONSTRAINT "MergedOrganisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Import" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER,
    "fileName" TEXT NOT NULL,
    "format" VARCHAR(8) NOT NULL,
    "table" VARCHAR(20) NOT NULL,
    "state" "ImportState" NOT NULL DEFAULT 'PREVIEW',
    "rows" INTEGER NOT NULL DEFAULT 0,
    "errorRows" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB NOT NULL,
    "draft" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" TIMESTAMP(3),
    "committedById" INTEGER,
    "undoneAt" TIMESTAMP(3),
    "undoneById" INTEGER,
    "undoReason" TEXT,

    CONSTRAINT "Import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRow" (
    "importId" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "action" VARCHAR(24) NOT NULL,
    "data" JSONB NOT NULL,
    "errors" JSONB,

    CONSTRAINT "ImportRow_pkey" PRIMARY KEY ("importId","line")
);

-- CreateIndex
CREATE INDEX "OrganisationAlias_organisationId_idx" ON "OrganisationAlias"("organisationId");

-- CreateIndex
CREATE INDEX "MergedOrganisation_mergedIntoId_idx" ON "MergedOrganisation"("mergedIntoId");

-- CreateIndex
CREATE INDEX "Import_userId_createdAt_idx" ON "Import"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "AccessEvent_importId_idx" ON "AccessEvent"("importId");

-- CreateIndex
CREATE INDEX "AccessEvent_reviewState_createdAt_idx" ON "AccessEvent"("reviewState", "createdAt");

-- AddForeignKey
ALTER TABLE "AccessEvent" ADD CONSTRAINT "AccessEvent_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessEvent" ADD CONSTRAINT "AccessEvent_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationAlias" ADD CONSTRAINT "OrganisationAlias_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationAlias" ADD CONSTRAINT "OrganisationAlias_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Import" ADD CONSTRAINT "Import_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Aliases are found the way names are: ignoring case and accents, with a trigram index for
-- "contains" searches. One organisation never has the same alias twice once folded.
CREATE INDEX "OrganisationAlias_name_search_idx" ON "OrganisationAlias" USING gin (public.search_fold(name) public.gin_trgm_ops);
CREATE UNIQUE INDEX "OrganisationAlias_folded_key" ON "OrganisationAlias" ("organisationId", public.search_fold(name));

-- Events recorded before review existed (published, or published then retracted) were
-- published when they were recorded.
UPDATE "AccessEvent" SET "publishedAt" = "createdAt", "publishedById" = "authorId" WHERE "reviewState" IN ('PUBLISHED', 'RETRACTED');
