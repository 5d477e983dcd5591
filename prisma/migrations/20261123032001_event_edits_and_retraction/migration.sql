-- AlterEnum
ALTER TYPE "ReviewState" ADD VALUE 'RETRACTED';

-- AlterTable
ALTER TABLE "AccessEvent" ADD COLUMN     "retractedAt" TIMESTAMP(3),
ADD COLUMN     "retractedById" INTEGER,
ADD COLUMN     "retractionReason" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AddForeignKey
ALTER TABLE "AccessEvent" ADD CONSTRAINT "AccessEvent_retractedById_fkey" FOREIGN KEY ("retractedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
