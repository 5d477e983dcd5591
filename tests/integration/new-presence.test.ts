// An organisation in a new country with its first sourced event, saved in one transaction;
// an existing presence named instead of a second one; organisations found for the pickers
// and for the similar-name warning, ignoring case and accents.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { createOrganisation, createPresence } from "@/lib/data/edits/organisations";
import { findSimilarOrganisations, searchOrganisations } from "@/lib/data/organisations";
import { getNewPresenceContext } from "@/lib/data/presences";
import { seedUser, unique } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let analyst: Actor;
let viewer: Actor;

const firstEvent = (overrides: Record<string, unknown> = {}) => ({
  status: "OPERATING",
  kind: "ARRIVAL",
  occurredOn: "2023-12-01",
  datePrecision: "MONTH",
  summary: "The organisation opens an office in Bamako.",
  confidence: "REPORTED",
  sources: [{ publisher: "UN News", title: "New partners in Mali" }],
  ...overrides,
});

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await prisma.country.createMany({
    data: [
      { iso3: "MLI", iso2: "ML", nameEn: "Mali", nameFr: "Mali", region: "Africa" },
      { iso3: "CIV", iso2: "CI", nameEn: "Côte d'Ivoire", nameFr: "Côte-d'Ivoire", region: "Africa" },
    ],
  });
  analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
  viewer = (await seedUser(prisma, { role: "VIEWER" })).actor;
});
afterAll(() => restore());

describe("adding an organisation to a country with its first event", () => {
  it("saves the presence, its event, its source and its status together, audited", async () => {
    const { id: organisationId } = await createOrganisation(analyst, { name: unique("Mali Relief"), type: "INGO" });
    const created = await createPresence(analyst, { organisationId, countryIso3: "mli", event: firstEvent() });
    const presence = await prisma.presence.findUniqueOrThrow({ where: { id: created.id } });
    expect(presence).toMatchObject({ countryIso3: "MLI", status: "OPERATING", sincePrecision: "MONTH", version: 2 });
    expect(presence.since?.toISOString().slice(0, 10)).toBe("2023-12-01");
    const event = await prisma.accessEvent.findUniqueOrThrow({ where: { id: created.eventId! }, include: { sources: { include: { source: true } } } });
    expect(event).toMatchObject({ presenceId: created.id, kind: "ARRIVAL", resultingStatus: "OPERATING", datePrecision: "MONTH" });
    expect(event.sources.map((s) => s.source.publisher)).toEqual(["UN News"]);
    const actions = await prisma.auditEntry.findMany({ where: { entityType: "Presence", entityId: String(created.id) }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["presence.create", "presence.statusChange"]);
  });

  it("writes nothing when the event is refused (an arrival cannot lead to expelled)", async () => {
    const { id: organisationId } = await createOrganisation(analyst, { name: unique("Mali Relief"), type: "INGO" });
    const refused = await createPresence(analyst, { organisationId, countryIso3: "MLI", event: firstEvent({ status: "EXPELLED" }) }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: "ZodError" });
    expect(JSON.stringify(refused)).toContain("Arrival cannot lead to expelled");
    expect(await prisma.presence.count({ where: { organisationId } })).toBe(0);
  });

  it("names the presence that exists instead of making a second, and the context offers it", async () => {
    const { id: organisationId } = await createOrganisation(analyst, { name: "Aide Médicale Sahel", type: "INGO" });
    const first = await createPresence(analyst, { organisationId, countryIso3: "CIV", event: firstEvent({ summary: "Opens a clinic in Abidjan." }) });
    const again = await createPresence(analyst, { organisationId, countryIso3: "CIV", event: firstEvent() }).catch((e: unknown) => e);
    expect(again).toMatchObject({
      code: "conflict",
      field: "countryIso3",
      message: `Aide Médicale Sahel in Côte d'Ivoire is already recorded (presence ${first.id}): change its status instead.`,
    });
    expect(await getNewPresenceContext(analyst, organisationId, "CIV")).toMatchObject({
      existing: { id: first.id, status: "OPERATING", since: "2023-12-01", sincePrecision: "MONTH" },
      sourceOptions: [expect.objectContaining({ label: "UN News: New partners in Mali" })],
    });
    expect((await getNewPresenceContext(analyst, organisationId, "MLI")).existing).toBeNull();
    await expect(getNewPresenceContext(viewer, organisationId, "MLI")).rejects.toMatchObject({ code: "forbidden" });
  });

  it("finds organisations by any part of the name or acronym, ignoring case and accents, and warns of the same name", async () => {
    await createOrganisation(analyst, { name: "Médecins du Désert", acronym: "MDD", type: "INGO" });
    expect((await searchOrganisations(viewer, "medecins du")).map((o) => o.name)).toEqual(["Médecins du Désert"]);
    expect((await searchOrganisations(viewer, "désert")).map((o) => o.name)).toEqual(["Médecins du Désert"]);
    expect((await searchOrganisations(viewer, "mdd")).map((o) => o.acronym)).toEqual(["MDD"]);
    expect((await findSimilarOrganisations(viewer, "MEDECINS DU DESERT", null)).map((o) => o.name)).toEqual(["Médecins du Désert"]);
    expect((await findSimilarOrganisations(viewer, "Another name", "mdd")).map((o) => o.name)).toEqual(["Médecins du Désert"]);
    expect(await findSimilarOrganisations(viewer, "Médecins", null)).toEqual([]);
  });
});
