// The country filter's options: every country with a presence or an event, whatever kind.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { listCountryOptions } from "@/lib/data/countries";
import { seedUser } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

let prisma: PrismaClient;
let restore: () => Promise<void>;

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await prisma.country.createMany({
    data: [
      { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" },
      { iso3: "MLI", iso2: "ML", nameEn: "Mali", nameFr: "Mali", region: "Africa" },
      { iso3: "BFA", iso2: "BF", nameEn: "Burkina Faso", nameFr: "Burkina Faso", region: "Africa" },
      { iso3: "TCD", iso2: "TD", nameEn: "Chad", nameFr: "Tchad", region: "Africa" },
      { iso3: "ALA", iso2: "AX", nameEn: "Åland Islands", nameFr: "Îles Åland", region: "Europe" },
    ],
  });
  const org = await prisma.organisation.create({ data: { name: "Options NGO", type: "INGO" } });
  // Niger: a presence with an event; Mali: a presence with none yet; Burkina Faso and the
  // Åland Islands: only an event of the whole country; Chad: nothing.
  const niger = await prisma.presence.create({ data: { organisationId: org.id, countryIso3: "NER" } });
  await prisma.presence.create({ data: { organisationId: org.id, countryIso3: "MLI" } });
  const event = {
    kind: "OTHER" as const,
    occurredOn: new Date("2024-01-01T00:00:00Z"),
    datePrecision: "DAY" as const,
    summary: "Something happened here.",
    confidence: "REPORTED" as const,
  };
  await prisma.accessEvent.createMany({
    data: [
      { ...event, presenceId: niger.id, countryIso3: "NER" },
      { ...event, countryIso3: "BFA" },
      { ...event, countryIso3: "ALA" },
    ],
  });
});
afterAll(() => restore());

describe("country filter options", () => {
  it("lists the countries with any presence or event, in the tables' name order", async () => {
    const { actor } = await seedUser(prisma);
    expect(await listCountryOptions(actor)).toEqual([
      { iso3: "ALA", name: "Åland Islands" },
      { iso3: "BFA", name: "Burkina Faso" },
      { iso3: "MLI", name: "Mali" },
      { iso3: "NER", name: "Niger" },
    ]);
    await expect(listCountryOptions(null)).rejects.toThrow();
  });

  it("is kept per data version: a presence in another country shows at the next read, in either language", async () => {
    const { actor } = await seedUser(prisma);
    expect((await listCountryOptions(actor, "fr")).map((c) => c.name)).toEqual(["Burkina Faso", "Îles Åland", "Mali", "Niger"]);
    const org = await prisma.organisation.create({ data: { name: "Chad Options NGO", type: "NATIONAL_NGO" } });
    const chad = await prisma.presence.create({ data: { organisationId: org.id, countryIso3: "TCD" } });
    expect((await listCountryOptions(actor, "fr")).map((c) => c.name)).toEqual(["Burkina Faso", "Îles Åland", "Mali", "Niger", "Tchad"]);
    expect((await listCountryOptions(actor)).map((c) => c.iso3)).toEqual(["ALA", "BFA", "TCD", "MLI", "NER"]);
    await prisma.presence.delete({ where: { id: chad.id } });
    expect((await listCountryOptions(actor)).map((c) => c.iso3)).toEqual(["ALA", "BFA", "MLI", "NER"]);
  });
});
