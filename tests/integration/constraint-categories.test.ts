// Every event's access constraint category (ACAPS's nine indicators): the kind's default
// unless the analyst chooses, a subtype that fits its category, editable, filterable by
// category and pillar, and carried by the API's items. The seed's categories come from the
// kinds' defaults and the sources' subtypes.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ZodError } from "zod";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { editEvent } from "@/lib/data/edits/events";
import { changeStatus } from "@/lib/data/edits/status-change";
import { listTablePage } from "@/lib/data/tables";
import { eventItemOf } from "@/lib/api/items";
import { parseTableQuery } from "@/lib/domain/tables/query";
import { seedPresence, seedUser } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let analyst: Actor;

const change = (version: number, overrides: Record<string, unknown> = {}) => ({
  status: "RESTRICTED",
  kind: "RESTRICTION_IMPOSED",
  occurredOn: "2025-05-01",
  datePrecision: "DAY",
  summary: "International staff need an armed escort outside Niamey.",
  confidence: "REPORTED",
  version,
  sources: [{ publisher: "OCHA", title: "Access snapshot" }],
  ...overrides,
});

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await prisma.country.create({ data: { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" } });
  analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
});
afterAll(() => restore());

describe("access constraint categories", () => {
  it("takes the kind's default, or the category and subtype the analyst gives", async () => {
    const presence = await seedPresence(analyst);
    const byDefault = await changeStatus(analyst, presence.id, change(presence.version));
    expect(await prisma.accessEvent.findUniqueOrThrow({ where: { id: byDefault.eventId } })).toMatchObject({ category: "INTERFERENCE", subtype: null });
    const chosen = await changeStatus(analyst, presence.id, change(byDefault.presence.version, { subtype: "ESCORT_REQUIRED" }));
    expect(await prisma.accessEvent.findUniqueOrThrow({ where: { id: chosen.eventId } })).toMatchObject({
      category: "MOVEMENT_RESTRICTIONS",
      subtype: "ESCORT_REQUIRED",
    });
    const none = await changeStatus(analyst, presence.id, change(chosen.presence.version, { category: null }));
    expect(await prisma.accessEvent.findUniqueOrThrow({ where: { id: none.eventId } })).toMatchObject({ category: null });
  });

  it("refuses a subtype of another category, on the subtype, writing nothing", async () => {
    const presence = await seedPresence(analyst);
    const refused = await changeStatus(analyst, presence.id, change(presence.version, { category: "INTERFERENCE", subtype: "ABDUCTION" })).catch(
      (e: unknown) => e,
    );
    expect((refused as ZodError).issues).toEqual([
      expect.objectContaining({
        path: ["subtype"],
        message: expect.stringContaining('"Abduction" is a kind of "Violence against personnel, facilities and assets"'),
      }),
    ]);
    expect(await prisma.accessEvent.count({ where: { presenceId: presence.id } })).toBe(0);
  });

  it("edits the category, and lists, filters and serves events by category and pillar", async () => {
    const presence = await seedPresence(analyst);
    const { eventId } = await changeStatus(analyst, presence.id, change(presence.version, { summary: "Movement ban on the road to Diffa." }));
    await editEvent(analyst, eventId, { version: 1, category: "MOVEMENT_RESTRICTIONS", subtype: "MOVEMENT_BAN" });
    const wrong = await editEvent(analyst, eventId, { version: 2, category: "INTERFERENCE" }).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ field: "subtype" }); // the subtype no longer fits: say so
    const byCategory = await listTablePage(analyst, parseTableQuery("events", { category: "MOVEMENT_RESTRICTIONS" }));
    expect(byCategory.rows.map((r) => r.summary)).toContain("Movement ban on the road to Diffa.");
    expect(byCategory.rows.every((r) => r.category === "MOVEMENT_RESTRICTIONS")).toBe(true);
    const byPillar = await listTablePage(analyst, parseTableQuery("events", { pillar: "HUMANITARIAN_ACCESS_TO_PEOPLE" }));
    // The first test's two categorised events and this one; the event without a category is in no pillar.
    expect(byPillar.rows.map((r) => r.category).sort()).toEqual(["INTERFERENCE", "MOVEMENT_RESTRICTIONS", "MOVEMENT_RESTRICTIONS"]);
    const security = await listTablePage(analyst, parseTableQuery("events", { pillar: "SECURITY_AND_PHYSICAL" }));
    expect(security.total).toBe(0);
    const row = byCategory.rows.find((r) => r.id === eventId)!;
    expect(eventItemOf(row)).toMatchObject({ category: "MOVEMENT_RESTRICTIONS", pillar: "HUMANITARIAN_ACCESS_TO_PEOPLE", subtype: "MOVEMENT_BAN" });
  });
});
