// Adding and editing organisations and presences, through the v1 API with tokens.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { issueApiToken } from "@/lib/data/api-tokens";
import { POST as createOrganisationRoute } from "@/app/api/v1/organisations/route";
import { PATCH as updateOrganisationRoute } from "@/app/api/v1/organisations/[id]/route";
import { POST as createPresenceRoute } from "@/app/api/v1/presences/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { seedUser } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let analystToken: string;
let viewerToken: string;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const call = (handler: Handler, token: string, payload: unknown, params: Record<string, string> = {}, method = "POST") =>
  handler(
    new Request("http://localhost/api/v1/x", {
      method,
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(payload),
    }),
    { params: Promise.resolve(params) },
  );

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await prisma.country.create({ data: { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" } });
  const admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
  analystToken = (await issueApiToken(admin, { name: "a", email: (await seedUser(prisma, { role: "ANALYST" })).actor.email })).token;
  viewerToken = (await issueApiToken(admin, { name: "v", email: (await seedUser(prisma, { role: "VIEWER" })).actor.email })).token;
});
afterAll(() => restore());

describe("organisations and presences", () => {
  it("adds an organisation with a Unicode name, audits it, and refuses a duplicate IATI identifier", async () => {
    const created = await call(createOrganisationRoute, analystToken, {
      name: "Médecins Sans Frontières",
      acronym: "MSF",
      type: "INGO",
      iatiId: "XM-DAC-41306",
      website: "https://www.msf.org",
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    expect(await prisma.organisation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "Médecins Sans Frontières",
      iatiId: "XM-DAC-41306",
      synthetic: false,
    });
    expect(await prisma.auditEntry.count({ where: { action: "organisation.create", entityId: String(id) } })).toBe(1);
    const arabic = await call(createOrganisationRoute, analystToken, { name: "الهلال الأحمر", type: "RED_CROSS_RED_CRESCENT" });
    expect(arabic.status).toBe(201);
    const duplicate = await call(createOrganisationRoute, analystToken, { name: "Another", type: "INGO", iatiId: "XM-DAC-41306" });
    expect(duplicate.status).toBe(409);
    expect(JSON.stringify(await duplicate.json())).toContain("iatiId");
  });

  it("refuses bad fields, extra fields and viewers, writing nothing", async () => {
    const before = await prisma.organisation.count();
    const bad = await call(createOrganisationRoute, analystToken, { name: "<b>Bold</b>", type: "SPY", website: "ftp://x.org", role: "ADMIN" });
    expect(bad.status).toBe(422);
    const params = ((await bad.json()) as { error: { issues: { param: string }[] } }).error.issues.map((i) => i.param);
    expect(params).toEqual(expect.arrayContaining(["name", "type", "website"]));
    expect((await call(createOrganisationRoute, viewerToken, { name: "Viewer org", type: "INGO" })).status).toBe(403);
    expect(await prisma.organisation.count()).toBe(before);
  });

  it("edits an organisation once per loaded version: a second edit from the same load is a conflict", async () => {
    const org = await prisma.organisation.create({ data: { name: "Old name", type: "INGO" } });
    const loaded = org.updatedAt.toISOString();
    const first = await call(updateOrganisationRoute, analystToken, { name: "New name", updatedAt: loaded }, { id: String(org.id) }, "PATCH");
    expect(first.status).toBe(200);
    const second = await call(updateOrganisationRoute, analystToken, { acronym: "ON", updatedAt: loaded }, { id: String(org.id) }, "PATCH");
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: { code: "conflict", current: { name: "New name" } } });
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: "organisation.update", entityId: String(org.id) } });
    expect(audit).toMatchObject({ before: { name: "Old name" }, after: { name: "New name" } });
  });

  it("adds a presence once per organisation and country", async () => {
    const org = await prisma.organisation.create({ data: { name: "Presence test", type: "UN_AGENCY" } });
    const created = await call(createPresenceRoute, analystToken, { organisationId: org.id, countryIso3: "ner" });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: expect.any(Number), version: 1 });
    expect((await call(createPresenceRoute, analystToken, { organisationId: org.id, countryIso3: "NER" })).status).toBe(409);
    expect((await call(createPresenceRoute, analystToken, { organisationId: org.id, countryIso3: "XXX" })).status).toBe(404);
  });

  it("documents these writes in the OpenAPI document", async () => {
    const doc = (await openApiRoute(new Request("http://localhost/api/v1/openapi.json")).json()) as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    expect(doc.paths["/api/v1/organisations"]!.post!.requestBody).toBeTruthy();
    expect(doc.paths["/api/v1/organisations/{id}"]!.patch!.requestBody).toBeTruthy();
    expect(doc.paths["/api/v1/presences"]!.post!.requestBody).toBeTruthy();
  });
});
