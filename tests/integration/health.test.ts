import { afterEach, describe, expect, it } from "vitest";
import { createPrismaClient, db } from "@/lib/db";
import { GET } from "@/app/api/health/route";

const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof db> };

describe("GET /api/health", () => {
  afterEach(() => {
    globalForPrisma.prisma = undefined;
  });

  it("answers 200 when the database answers a query", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, database: "reachable" });
  });

  it("answers 503 with a clear JSON message when the database is unreachable", async () => {
    // Port 9 (discard) on loopback: nothing listens there.
    globalForPrisma.prisma = createPrismaClient("postgresql://nobody:x@127.0.0.1:9/none", 1);
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toEqual({ ok: false, database: "unreachable", message: expect.stringMatching(/database is not reachable/) });
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|nobody|ECONNREFUSED/);
  });
});
