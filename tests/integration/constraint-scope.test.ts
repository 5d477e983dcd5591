// Constraints of a country in one entry: for the whole country (no status changes), for named
// organisations (one decree, each presence's status in one transaction, or nothing at all), for
// every organisation of some types; in areas of the country; and a presence's event without a
// status. Also the areas each country has.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ZodError } from "zod";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { recordConstraint } from "@/lib/data/edits/constraints";
import { recordPresenceEvent, setPresenceAreas } from "@/lib/data/edits/status-change";
import { listTablePage } from "@/lib/data/tables";
import { parseTableQuery } from "@/lib/domain/tables/query";
import { listAreas } from "@/lib/data/areas";
import { addAreas } from "@/prisma/seed";
import { allCountries } from "@/prisma/seed-data/countries";
import { seedPresenceWithStatus, seedUser } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let analyst: Actor;

const escorts = (overrides: Record<string, unknown> = {}) => ({
  kind: "RESTRICTION_IMPOSED",
  subtype: "ESCORT_REQUIRED",
  occurredOn: "2025-03-01",
  datePrecision: "MONTH",
  summary: "Military escorts required for all travel by international organisations outside Niamey.",
  confidence: "REPORTED",
  areas: ["NE-6"],
  sources: [{ publisher: "ACAPS", title: "Niger: humanitarian access" }],
  ...overrides,
});

const decree = (organisationIds: number[], overrides: Record<string, unknown> = {}) => ({
  kind: "LICENCE_REVOKED",
  subtype: "REGISTRATION_WITHDRAWN",
  status: "EXPELLED",
  occurredOn: "2024-11-12",
  datePrecision: "DAY",
  summary: "Decrees of the Interior Minister withdraw the licences of two organisations.",
  confidence: "CONFIRMED",
  organisationIds,
  sources: [{ publisher: "AP", title: "Niger revokes licences of two aid groups" }],
  ...overrides,
});

const issuesOf = (error: unknown) => (error as ZodError).issues.map((i) => ({ path: i.path.join("."), message: i.message }));
const statuses = async (ids: number[]) =>
  (await prisma.presence.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" }, select: { status: true, version: true } })).map(
    (p) => `${p.status}@${p.version}`,
  );

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await prisma.country.createMany({ data: allCountries() });
  await addAreas(prisma);
  analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
});
afterAll(() => restore());

describe("a constraint of a country", () => {
  it("for the whole country, in Tillabéri, changes no organisation's status", async () => {
    const a = await seedPresenceWithStatus(analyst, { status: "OPERATING" });
    const b = await seedPresenceWithStatus(analyst, { status: "RESTRICTED" });
    const before = await statuses([a.id, b.id]);
    const result = await recordConstraint(analyst, "ner", escorts());
    expect(result.presences).toEqual([]);
    expect(await statuses([a.id, b.id])).toEqual(before);
    const event = await prisma.accessEvent.findUniqueOrThrow({ where: { id: result.eventId }, include: { areas: true, concerns: true, sources: true } });
    expect(event).toMatchObject({
      presenceId: null,
      countryIso3: "NER",
      category: "MOVEMENT_RESTRICTIONS",
      subtype: "ESCORT_REQUIRED",
      resultingStatus: null,
      organisationTypes: [],
    });
    expect(event.areas.map((x) => x.areaCode)).toEqual(["NE-6"]);
    expect(event.concerns).toEqual([]);
    expect(event.sources).toHaveLength(1);
    expect(await prisma.auditEntry.count({ where: { action: "event.recordConstraint", entityId: String(result.eventId) } })).toBe(1);
  });

  it("for two named organisations sets each one's status in one transaction, each with its own event", async () => {
    const acted = await seedPresenceWithStatus(analyst, { status: "OPERATING" });
    const apbe = await seedPresenceWithStatus(analyst, { status: "OPERATING", type: "NATIONAL_NGO" });
    const bystander = await seedPresenceWithStatus(analyst, { status: "OPERATING" });
    const result = await recordConstraint(analyst, "NER", decree([acted.organisationId, apbe.organisationId]));
    expect(await statuses([acted.id, apbe.id, bystander.id])).toEqual([
      `EXPELLED@${acted.version + 1}`,
      `EXPELLED@${apbe.version + 1}`,
      `OPERATING@${bystander.version}`,
    ]);
    const parts = await prisma.accessEvent.findMany({ where: { parentEventId: result.eventId }, orderBy: { presenceId: "asc" } });
    expect(parts.map((p) => [p.presenceId, p.resultingStatus, p.subtype])).toEqual([
      [acted.id, "EXPELLED", "REGISTRATION_WITHDRAWN"],
      [apbe.id, "EXPELLED", "REGISTRATION_WITHDRAWN"],
    ]);
    const concerns = await prisma.eventOrganisation.findMany({ where: { eventId: result.eventId }, orderBy: { organisationId: "asc" } });
    expect(concerns.map((c) => c.organisationId)).toEqual([acted.organisationId, apbe.organisationId].sort((x, y) => x - y));
    // Each part cites the constraint's source.
    const [source] = await prisma.eventSource.findMany({ where: { eventId: result.eventId } });
    expect(await prisma.eventSource.count({ where: { sourceId: source!.sourceId } })).toBe(3);
  });

  it("writes nothing when one named organisation is not recorded in the country", async () => {
    const present = await seedPresenceWithStatus(analyst, { status: "OPERATING" });
    const elsewhere = await seedPresenceWithStatus(analyst, { status: "OPERATING", country: "MLI", name: "Only In Mali" });
    const events = await prisma.accessEvent.count();
    const refused = await recordConstraint(analyst, "NER", decree([present.organisationId, elsewhere.organisationId])).catch((e: unknown) => e);
    expect(issuesOf(refused)).toEqual([{ path: "organisationIds", message: "Not recorded in Niger: Only In Mali. Add it to the country first." }]);
    expect(await prisma.accessEvent.count()).toBe(events);
    expect(await statuses([present.id])).toEqual([`OPERATING@${present.version}`]);
  });

  it("for every INGO in the country sets theirs and leaves the other types alone", async () => {
    const fresh = await createFreshDatabase(inject("serverUrl"));
    const own = useDatabase(fresh);
    try {
      await own.prisma.country.createMany({ data: allCountries() });
      await addAreas(own.prisma);
      const me = (await seedUser(own.prisma, { role: "ANALYST" })).actor;
      const ingo = await seedPresenceWithStatus(me, { status: "OPERATING", type: "INGO" });
      const national = await seedPresenceWithStatus(me, { status: "OPERATING", type: "NATIONAL_NGO" });
      const ingoInMali = await seedPresenceWithStatus(me, { status: "OPERATING", type: "INGO", country: "MLI" });
      const result = await recordConstraint(
        me,
        "NER",
        escorts({ kind: "OPERATIONS_SUSPENDED", subtype: "SUSPENSION_ORDER", status: "RESTRICTED", organisationTypes: ["INGO"], areas: [] }),
      );
      expect(result.presences.map((p) => [p.id, p.status])).toEqual([[ingo.id, "RESTRICTED"]]);
      const rows = await own.prisma.presence.findMany({ where: { id: { in: [national.id, ingoInMali.id] } }, select: { status: true } });
      expect(rows.map((r) => r.status)).toEqual(["OPERATING", "OPERATING"]);
      expect(await own.prisma.accessEvent.findUniqueOrThrow({ where: { id: result.eventId } })).toMatchObject({ organisationTypes: ["INGO"] });
    } finally {
      await own.restore();
    }
  });

  it("refuses what cannot be: a status for the whole country, another country's area, both scopes, an unknown country", async () => {
    const events = await prisma.accessEvent.count();
    expect(issuesOf(await recordConstraint(analyst, "NER", escorts({ status: "RESTRICTED" })).catch((e: unknown) => e))).toEqual([
      {
        path: "status",
        message: "A status is set for the organisations a constraint concerns: name them or their types. A whole-country constraint changes no status.",
      },
    ]);
    expect(issuesOf(await recordConstraint(analyst, "NER", escorts({ areas: ["ML-6"] })).catch((e: unknown) => e))).toEqual([
      { path: "areas", message: "ML-6 (Tombouctou) is not in this country" },
    ]);
    expect(issuesOf(await recordConstraint(analyst, "NER", escorts({ areas: ["NE-6", "ne-6"] })).catch((e: unknown) => e))).toEqual([
      { path: "areas", message: "NE-6 is listed twice" },
    ]);
    expect(issuesOf(await recordConstraint(analyst, "NER", escorts({ areas: ["NE-99"] })).catch((e: unknown) => e))).toEqual([
      { path: "areas", message: "NE-99 is not an ISO 3166-2 first-level area code (e.g. NE-6 for Tillabéri)" },
    ]);
    expect(issuesOf(await recordConstraint(analyst, "NER", escorts({ organisationIds: [1], organisationTypes: ["INGO"] })).catch((e: unknown) => e))).toEqual([
      { path: "organisationTypes", message: "Name organisations or types of organisation, not both" },
    ]);
    await expect(recordConstraint(analyst, "XXX", escorts())).rejects.toMatchObject({ name: "NotFoundError" });
    const viewer = (await seedUser(prisma, { role: "VIEWER" })).actor;
    await expect(recordConstraint(viewer, "NER", escorts())).rejects.toMatchObject({ name: "ForbiddenError" });
    expect(await prisma.accessEvent.count()).toBe(events);
  });
});

describe("a presence's event without a status", () => {
  it("records a constraint on one organisation, in an area, and keeps its status", async () => {
    const presence = await seedPresenceWithStatus(analyst, { status: "OPERATING" });
    const result = await recordPresenceEvent(analyst, presence.id, { ...escorts(), version: presence.version });
    expect(result.presence.status).toBe("OPERATING");
    const event = await prisma.accessEvent.findUniqueOrThrow({ where: { id: result.eventId }, include: { areas: true } });
    expect(event).toMatchObject({ presenceId: presence.id, resultingStatus: null, category: "MOVEMENT_RESTRICTIONS" });
    expect(event.areas.map((a) => a.areaCode)).toEqual(["NE-6"]);
  });
});

describe("areas", () => {
  it("lists a country's first-level areas with their ISO 3166-2 codes, no p-code unless set", async () => {
    const areas = await listAreas(analyst, "ner");
    expect(areas.map((a) => `${a.code} ${a.name}`)).toEqual([
      "NE-1 Agadez",
      "NE-2 Diffa",
      "NE-3 Dosso",
      "NE-4 Maradi",
      "NE-8 Niamey",
      "NE-5 Tahoua",
      "NE-6 Tillabéri",
      "NE-7 Zinder",
    ]);
    expect(areas.every((a) => a.pcode === null && a.level === 1 && a.hasBoundary)).toBe(true);
    await expect(listAreas(analyst, "XXX")).rejects.toMatchObject({ name: "NotFoundError" });
  });
});

describe("where a presence works", () => {
  it("replaces its list of areas, guarded by the version, audited, refusing another country's area", async () => {
    const presence = await seedPresenceWithStatus(analyst, { status: "OPERATING", name: "Works In Two Regions" });
    const set = await setPresenceAreas(analyst, presence.id, { version: presence.version, areas: ["ne-6", "NE-2"] });
    expect(set).toEqual({ id: presence.id, version: presence.version + 1, areas: ["NE-2", "NE-6"] });
    const stale = await setPresenceAreas(analyst, presence.id, { version: presence.version, areas: [] }).catch((e: unknown) => e);
    expect(stale).toMatchObject({ name: "ConflictError" });
    const refused = await setPresenceAreas(analyst, presence.id, { version: set.version, areas: ["ML-6"] }).catch((e: unknown) => e);
    expect(issuesOf(refused)).toEqual([{ path: "areas", message: "ML-6 (Tombouctou) is not in this country" }]);
    const rows = await prisma.presenceArea.findMany({ where: { presenceId: presence.id }, orderBy: { areaCode: "asc" } });
    expect(rows.map((r) => r.areaCode)).toEqual(["NE-2", "NE-6"]);
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: "presence.setAreas", entityId: String(presence.id) } });
    expect(audit.after).toMatchObject({ areas: ["NE-2", "NE-6"] });
    const page = await listTablePage(analyst, parseTableQuery("presences", { q: "Works In Two Regions" }));
    expect(page.rows[0]?.areas).toEqual([
      { code: "NE-2", name: "Diffa" },
      { code: "NE-6", name: "Tillabéri" },
    ]);
  });
});
