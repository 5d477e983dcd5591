// The data version moves on exactly once per committed write to what the app shows, in the
// writing transaction (seen by others at its commit, not before; never for a rolled-back
// one), and not for what is not shown (sign-ins, request budgets, preferences); and the API
// lists answer from the read cache until it moves.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { GET as listEvents } from "@/app/api/v1/events/route";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { issueApiToken } from "@/lib/data/api-tokens";
import { consumeRateLimit } from "@/lib/data/rate-limit";
import { saveColumns } from "@/lib/data/table-preferences";
import { seedPresence, seedPresenceWithStatus, seedUser } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let analyst: Actor;
let token: string;

const version = async () => Number((await prisma.$queryRaw<{ version: bigint }[]>`SELECT version FROM "DataVersion"`)[0]!.version);
const summaries = async () => {
  const response = await listEvents(new Request("http://localhost/api/v1/events?country=NER&size=200", { headers: { authorization: `Bearer ${token}` } }));
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { summary: string }[] }).data.map((e) => e.summary);
};

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await prisma.country.create({ data: { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" } });
  const admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
  const analystUser = await seedUser(prisma, { role: "ANALYST" });
  analyst = analystUser.actor;
  token = (await issueApiToken(admin, { name: "data version", email: analystUser.user.email })).token;
});
afterAll(() => restore());

describe("the data version", () => {
  it("moves on once per committed write, however many rows and tables it touched", async () => {
    const before = await version();
    // One status change: an event, its source, the presence's projection, status periods, month totals.
    const presence = await seedPresence(analyst);
    const afterPresence = await version();
    expect(afterPresence - before).toBe(2); // an organisation, then a presence: two transactions
    await seedPresenceWithStatus(analyst, { name: "Versioned Org" });
    expect((await version()) - afterPresence).toBe(3);
    expect(presence.id).toBeGreaterThan(0);
  });

  it("is seen by other connections at the commit, not before, and not at all for a rolled-back write", async () => {
    const before = await version();
    let inside = -1;
    let outside = -1;
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.organisation.create({ data: { name: "Rolled back", type: "INGO" } });
        inside = Number((await tx.$queryRaw<{ version: bigint }[]>`SELECT version FROM "DataVersion"`)[0]!.version);
        outside = await version();
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    // Deferred to the commit: inside the writing transaction it has not moved yet, outside neither.
    expect([inside, outside]).toEqual([before, before]);
    expect(await version()).toBe(before);
  });

  it("does not move for what no view shows: request budgets, sign-in sessions, saved columns", async () => {
    const before = await version();
    await consumeRateLimit(`user:${analyst.id}`, "session");
    await saveColumns(analyst, { table: "events", columns: ["country", "summary"] });
    await prisma.user.update({ where: { id: analyst.id }, data: { locale: "fr" } });
    expect(await version()).toBe(before);
    await prisma.user.update({ where: { id: analyst.id }, data: { name: "Renamed Analyst" } });
    expect(await version()).toBe(before + 1);
  });
});

describe("the read cache", () => {
  it("answers an API list from memory until the data version moves, then reads again", async () => {
    await seedPresenceWithStatus(analyst, { name: "Cached Org" });
    const first = await summaries();
    expect(first).toContain("A status set by a test factory.");
    // A row written behind the app's back with the triggers off: the version does not move,
    // so the kept answer is still the one served (this is what makes it a cache).
    await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
      await tx.$executeRawUnsafe(`UPDATE "AccessEvent" SET summary = 'Changed without a version.' WHERE "countryIso3" = 'NER'`);
    });
    expect(await summaries()).toEqual(first);
    // Any committed write moves it on: the next read is fresh.
    await prisma.$executeRawUnsafe(`UPDATE "DataVersion" SET version = version + 1`);
    const fresh = await summaries();
    expect(fresh.length).toBe(first.length);
    expect(new Set(fresh)).toEqual(new Set(["Changed without a version."]));
  });
});
