-- Read-your-writes with a replica: the primary's WAL position after each user's last write.
CREATE TABLE "ReadAfterWrite" (
    "userId" INTEGER NOT NULL,
    "lsn" pg_lsn NOT NULL,
    "writtenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReadAfterWrite_pkey" PRIMARY KEY ("userId")
);

ALTER TABLE "ReadAfterWrite" ADD CONSTRAINT "ReadAfterWrite_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
