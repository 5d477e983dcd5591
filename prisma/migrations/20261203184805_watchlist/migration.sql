-- AlterTable
ALTER TABLE "User" ADD COLUMN     "watchSeenSeq" BIGINT,
ADD COLUMN     "watchSeenTxid" BIGINT,
ADD COLUMN     "watchVisitedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "WatchItem" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "filters" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WatchItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WatchItem_userId_filters_key" ON "WatchItem"("userId", "filters");

-- AddForeignKey
ALTER TABLE "WatchItem" ADD CONSTRAINT "WatchItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
