// Waiting for the change log's horizon in tests that read it (the changes API, feeds).
import type { PrismaClient } from "@/lib/db";

/**
 * Waits until every transaction that has written a change so far has ended. The log is read
 * only below the oldest running writer on the whole server, and other test files write to
 * their own databases on the same server at the same time.
 */
export async function settled(prisma: PrismaClient): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const [row] = await prisma.$queryRaw<{ done: boolean }[]>`
      SELECT coalesce(max(txid), 0) < pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS done FROM "DataChange"`;
    if (row?.done) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("A writing transaction did not end within 30 seconds");
}
