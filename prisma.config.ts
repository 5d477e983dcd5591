// Prisma 7 reads its datasource URL from here. The app and scripts pass DATABASE_URL
// explicitly; this file only serves the Prisma CLI (generate, and migrate deploy where
// the native schema engine is available).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/access_monitor" },
});
