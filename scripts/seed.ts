// npm run db:seed — adds the countries and the sourced Niger data to DATABASE_URL.
// Idempotent. Demo users are never created here: use `npm run user:create`.
import { createPrismaClient } from "../lib/db";
import { seedDatabase } from "../prisma/seed";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set.");
  const prisma = createPrismaClient(url, 2);
  try {
    await seedDatabase(prisma, { log: console.log });
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
