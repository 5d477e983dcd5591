// POST /api/v1/countries/{iso3}/events and GET /api/v1/countries/{iso3}/areas over HTTP
// semantics (tokens, status codes, messages), and both in the OpenAPI document.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { issueApiToken } from "@/lib/data/api-tokens";
import { POST as constraintRoute } from "@/app/api/v1/countries/[iso3]/events/route";
import { GET as areasRoute } from "@/app/api/v1/countries/[iso3]/areas/route";
import { PATCH as areaRoute } from "@/app/api/v1/areas/[code]/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { addAreas } from "@/prisma/seed";
import { allCountries } from "@/prisma/seed-data/countries";
import { seedUser } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let analystToken: string;
let viewerToken: string;
let adminToken: string;

const escorts = {
  category: "MOVEMENT_RESTRICTIONS",
  subtype: "ESCORT_REQUIRED",
  kind: "RESTRICTION_IMPOSED",
  occurredOn: "2025-03",
  datePrecision: "MONTH",
  summary: "Escorts required for INGO travel outside Niamey.",
  confidence: "REPORTED",
  areas: ["NE-6"],
  organisationTypes: ["INGO"],
  sources: [{ publisher: "ACAPS", title: "Niger: humanitarian access" }],
};
const post = (token: string, iso3: string, payload: unknown) =>
  constraintRoute(
    new Request(`http://localhost/api/v1/countries/${iso3}/events`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(payload),
    }),
    { params: Promise.resolve({ iso3 }) },
  );
const getAreas = (token: string, iso3: string) =>
  areasRoute(new Request(`http://localhost/api/v1/countries/${iso3}/areas`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({ iso3 }),
  });

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await prisma.country.createMany({ data: allCountries() });
  await addAreas(prisma);
  const admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
  const analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
  const viewer = (await seedUser(prisma, { role: "VIEWER" })).actor;
  analystToken = (await issueApiToken(admin, { name: "analyst", email: analyst.email })).token;
  adminToken = (await issueApiToken(admin, { name: "admin", email: admin.email })).token;
  viewerToken = (await issueApiToken(admin, { name: "viewer", email: viewer.email })).token;
});
afterAll(() => restore());

describe("POST /api/v1/countries/{iso3}/events", () => {
  it("answers 201 with the event id; 422 naming the field; 403 for a viewer; 404 for an unknown country; 401 without a valid token", async () => {
    // The date is a month ("2025-03") only if the precision says so: a day is required by the API's date field.
    const monthRefused = await post(analystToken, "NER", escorts);
    expect(monthRefused.status).toBe(422);
    const created = await post(analystToken, "NER", { ...escorts, occurredOn: "2025-03-01" });
    expect(created.status).toBe(201);
    const { eventId } = (await created.json()) as { eventId: number };
    expect(await prisma.accessEvent.findUniqueOrThrow({ where: { id: eventId } })).toMatchObject({ presenceId: null, organisationTypes: ["INGO"] });

    const wrongArea = await post(analystToken, "NER", { ...escorts, occurredOn: "2025-03-01", areas: ["BF-12"] });
    expect(wrongArea.status).toBe(422);
    expect(await wrongArea.json()).toMatchObject({ error: { issues: [{ param: "areas", message: "BF-12 (Sahel) is not in this country" }] } });
    expect((await post(viewerToken, "NER", { ...escorts, occurredOn: "2025-03-01" })).status).toBe(403);
    expect((await post(analystToken, "ZZZ", { ...escorts, occurredOn: "2025-03-01" })).status).toBe(404);
    expect((await post("am_nope", "NER", { ...escorts, occurredOn: "2025-03-01" })).status).toBe(401);
    expect(await prisma.accessEvent.count()).toBe(1);
  });
});

describe("GET /api/v1/countries/{iso3}/areas", () => {
  it("lists the areas to any signed-in caller; 404 for an unknown country; 401 without a valid token", async () => {
    const answer = await getAreas(viewerToken, "NER");
    expect(answer.status).toBe(200);
    const { data } = (await answer.json()) as { data: { code: string; name: string; pcode: string | null; level: number }[] };
    expect(data).toHaveLength(8);
    expect(data.find((a) => a.code === "NE-6")).toEqual({ code: "NE-6", name: "Tillabéri", pcode: null, level: 1, hasBoundary: true });
    expect((await getAreas(viewerToken, "ZZZ")).status).toBe(404);
    expect((await getAreas("am_nope", "NER")).status).toBe(401);
  });
});

describe("PATCH /api/v1/areas/{code}", () => {
  const patch = (token: string, code: string, payload: unknown) =>
    areaRoute(
      new Request(`http://localhost/api/v1/areas/${code}`, {
        method: "PATCH",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(payload),
      }),
      { params: Promise.resolve({ code }) },
    );
  it("lets an admin set and clear a p-code, unique, audited; refuses analysts, bad codes and unknown areas", async () => {
    expect((await patch(adminToken, "ne-6", { pcode: "ner006" })).status).toBe(200);
    expect(await prisma.area.findUnique({ where: { code: "NE-6" } })).toMatchObject({ pcode: "NER006" });
    const taken = await patch(adminToken, "NE-2", { pcode: "NER006" });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain("NER006 is already the p-code of Tillabéri (NE-6)");
    expect((await patch(analystToken, "NE-2", { pcode: "NER002" })).status).toBe(403);
    expect((await patch(adminToken, "NE-2", { pcode: "Diffa!" })).status).toBe(422);
    expect((await patch(adminToken, "NE-99", { pcode: "NER099" })).status).toBe(404);
    expect(await prisma.area.findUnique({ where: { code: "NE-2" } })).toMatchObject({ pcode: null });
    expect((await patch(adminToken, "NE-6", { pcode: null })).status).toBe(200);
    expect(await prisma.area.findUnique({ where: { code: "NE-6" } })).toMatchObject({ pcode: null });
    expect(await prisma.auditEntry.count({ where: { action: "area.setPcode", entityId: "NE-6" } })).toBe(2);
  });
});

describe("the OpenAPI document", () => {
  it("describes both, and the presence event's optional status and areas", async () => {
    const doc = (await openApiRoute(new Request("http://localhost/api/v1/openapi.json")).json()) as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[]; properties: Record<string, unknown> } }> } }>
      >;
    };
    expect(doc.paths["/api/v1/countries/{iso3}/areas"]?.get).toBeDefined();
    const body = doc.paths["/api/v1/countries/{iso3}/events"]!.post!.requestBody!.content["application/json"]!.schema;
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(["areas", "organisationIds", "organisationTypes", "status", "category", "subtype"]));
    const presenceEvent = doc.paths["/api/v1/presences/{id}/events"]!.post!.requestBody!.content["application/json"]!.schema;
    expect(presenceEvent.required).not.toContain("status");
    expect(Object.keys(presenceEvent.properties)).toContain("areas");
  });
});
