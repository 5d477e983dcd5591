import { describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { seedDatabase } from "@/prisma/seed";
import { withFreshDatabase } from "../support/test-database";

const serverUrl = inject("serverUrl");

async function nigerStatuses(prisma: PrismaClient) {
  const presences = await prisma.presence.findMany({ where: { countryIso3: "NER" }, include: { organisation: true } });
  return Object.fromEntries(
    presences.map((p) => [
      p.organisation.acronym ?? p.organisation.name,
      { status: p.status, since: p.since?.toISOString().slice(0, 10), precision: p.sincePrecision, people: p.peopleAffected },
    ]),
  );
}

/** Every row of every seeded table, to compare two states exactly. */
async function snapshot(prisma: PrismaClient) {
  return {
    countries: await prisma.country.findMany({ orderBy: { iso3: "asc" } }),
    organisations: await prisma.organisation.findMany({ orderBy: { id: "asc" } }),
    presences: await prisma.presence.findMany({ orderBy: { id: "asc" } }),
    events: await prisma.accessEvent.findMany({ orderBy: { id: "asc" } }),
    sources: await prisma.source.findMany({ orderBy: { id: "asc" } }),
    links: await prisma.eventSource.findMany({ orderBy: [{ eventId: "asc" }, { sourceId: "asc" }] }),
    users: await prisma.user.findMany({ orderBy: { id: "asc" } }),
  };
}

describe("seed", () => {
  it("derives the current status of every organisation in Niger from its events", async () => {
    await withFreshDatabase(serverUrl, async (prisma) => {
      await seedDatabase(prisma);
      expect(await nigerStatuses(prisma)).toEqual({
        ICRC: { status: "EXPELLED", since: "2025-01-31", precision: "DAY", people: 2_000_000 },
        ACTED: { status: "EXPELLED", since: "2024-11-12", precision: "DAY", people: 1_000_000 },
        APBE: { status: "EXPELLED", since: "2024-11-12", precision: "DAY", people: null },
        "US forces": { status: "EXPELLED", since: "2024-03-16", precision: "DAY", people: null },
        "French forces": { status: "EXPELLED", since: "2023-10-10", precision: "DAY", people: null },
        "Embassy of France in Niger": { status: "EXPELLED", since: "2023-08-25", precision: "DAY", people: null },
        "Russian forces": { status: "OPERATING", since: "2024-04-01", precision: "MONTH", people: null },
      });
    });
  });

  it("loads every country and every event with at least one source", async () => {
    await withFreshDatabase(serverUrl, async (prisma) => {
      const report = await seedDatabase(prisma);
      expect(report.countries).toBe(await prisma.country.count());
      expect(report.countries).toBeGreaterThanOrEqual(249);
      expect(await prisma.accessEvent.count({ where: { sources: { none: {} } } })).toBe(0);
      expect(await prisma.accessEvent.count()).toBe(report.events);
      expect(await prisma.source.count({ where: { url: { not: null } } })).toBe(0); // no URL is known for any source
    });
  });

  it("loads every country's areas, and places in areas only what the sources place there", async () => {
    await withFreshDatabase(serverUrl, async (prisma) => {
      const report = await seedDatabase(prisma);
      expect(report.areas).toBe(await prisma.area.count());
      expect(await prisma.area.findUnique({ where: { code: "NE-6" } })).toMatchObject({ countryIso3: "NER", name: "Tillabéri", pcode: null });
      const located = await prisma.accessEvent.findMany({ where: { areas: { some: {} } }, include: { areas: true }, orderBy: { ref: "asc" } });
      expect(located.map((e) => [e.ref, e.areas.map((a) => a.areaCode)])).toEqual([
        ["seed:event:acted-diffa-suspension", ["NE-2"]],
        ["seed:event:us-base-101", ["NE-8"]],
        ["seed:event:us-base-201", ["NE-1"]],
      ]);
      // The ICRC's 2024 reach (its press release): Diffa, Tahoua, Tillabéri and Agadez.
      const icrc = await prisma.presence.findFirstOrThrow({ where: { organisation: { ref: "seed:org:icrc" } }, include: { areas: true } });
      expect(icrc.areas.map((a) => a.areaCode).sort()).toEqual(["NE-1", "NE-2", "NE-5", "NE-6"]);
    });
  });

  it("keeps the disputed ban date as one event with both claims", async () => {
    await withFreshDatabase(serverUrl, async (prisma) => {
      await seedDatabase(prisma);
      const ban = await prisma.accessEvent.findUniqueOrThrow({
        where: { ref: "seed:event:acted-licence-revoked" },
        include: { sources: { include: { source: true } } },
      });
      expect(ban.confidence).toBe("DISPUTED");
      const claims = ban.sources.map((s) => `${s.source.publisher}: ${s.claim}`);
      expect(claims).toContain("Associated Press: Licence withdrawn by decrees of 12 November 2024.");
      expect(claims).toContain("Naija News (citing AFP): Banned in November 2023.");
      expect(await prisma.accessEvent.count({ where: { presence: { organisation: { acronym: "ACTED" } }, kind: "LICENCE_REVOKED" } })).toBe(1);
      // Categories: from the subtype the sources name (a licence withdrawn by decree), else the kind's default, none for arrivals and context.
      expect(ban).toMatchObject({ category: "IMPEDIMENTS_TO_ENTRY", subtype: "REGISTRATION_WITHDRAWN" });
      const byRef = async (ref: string) => prisma.accessEvent.findUniqueOrThrow({ where: { ref: `seed:event:${ref}` } });
      expect(await byRef("acted-diffa-suspension")).toMatchObject({ category: "INTERFERENCE", subtype: "SUSPENSION_ORDER" });
      expect(await byRef("icrc-office-closed")).toMatchObject({ category: "INTERFERENCE", subtype: null });
      expect(await byRef("ner-coup")).toMatchObject({ category: null, subtype: null });
      expect(await byRef("ru-arrival")).toMatchObject({ category: null });
    });
  });

  it("is idempotent: a second run changes nothing", async () => {
    await withFreshDatabase(serverUrl, async (prisma) => {
      await seedDatabase(prisma, { demoPassword: "demo-password-for-tests" });
      const before = await snapshot(prisma);
      const second = await seedDatabase(prisma, { demoPassword: "demo-password-for-tests" });
      expect(second).toEqual({ countries: 0, areas: 0, organisations: 0, sources: 0, events: 0, users: 0 });
      expect(await snapshot(prisma)).toEqual(before);
    });
  });

  it("creates demo users only when asked (embedded demo), with argon2id hashes", async () => {
    await withFreshDatabase(serverUrl, async (prisma) => {
      await seedDatabase(prisma);
      expect(await prisma.user.count()).toBe(0);
      await seedDatabase(prisma, { demoPassword: "demo-password-for-tests" });
      const users = await prisma.user.findMany({ orderBy: { email: "asc" } });
      expect(users.map((u) => [u.email, u.role])).toEqual([
        ["admin@example.org", "ADMIN"],
        ["analyst@example.org", "ANALYST"],
        ["viewer@example.org", "VIEWER"],
      ]);
      expect(users[0]!.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(users[0]!.passwordHash, "demo-password-for-tests")).toBe(true);
    });
  });

  it("never overwrites an analyst's later change to a seeded row", async () => {
    await withFreshDatabase(serverUrl, async (prisma) => {
      await seedDatabase(prisma);
      await prisma.organisation.update({ where: { ref: "seed:org:apbe" }, data: { website: "https://apbe.example" } });
      await seedDatabase(prisma);
      expect((await prisma.organisation.findUniqueOrThrow({ where: { ref: "seed:org:apbe" } })).website).toBe("https://apbe.example");
    });
  });
});
