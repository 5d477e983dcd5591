// POST /api/v1/presences/{id}/events with API tokens: 201, 409, 422, 403, 404, 401.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { issueApiToken } from "@/lib/data/api-tokens";
import { POST as statusChangeRoute } from "@/app/api/v1/presences/[id]/events/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { seedUser } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let analystToken: string;
let viewerToken: string;
let presenceId: number;

const body = (version: number, overrides: Record<string, unknown> = {}) => ({
  status: "RESTRICTED",
  kind: "RESTRICTION_IMPOSED",
  occurredOn: "2026-01-10",
  datePrecision: "DAY",
  summary: "Field travel suspended for international staff.",
  peopleAffected: 12000,
  confidence: "REPORTED",
  version,
  sources: [{ publisher: "Reuters", title: "Travel suspended", url: "https://example.org/a", publishedOn: "2026-01-11", quote: "Suspended." }],
  ...overrides,
});
const post = (token: string | null, id: number | string, payload: unknown, headers: Record<string, string> = {}) =>
  statusChangeRoute(
    new Request(`http://localhost/api/v1/presences/${id}/events`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: typeof payload === "string" ? payload : JSON.stringify(payload),
    }),
    { params: Promise.resolve({ id: String(id) }) },
  );

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await prisma.country.create({ data: { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" } });
  const admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
  const analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
  const viewer = (await seedUser(prisma, { role: "VIEWER" })).actor;
  analystToken = (await issueApiToken(admin, { name: "analyst", email: analyst.email })).token;
  viewerToken = (await issueApiToken(admin, { name: "viewer", email: viewer.email })).token;
  const org = await prisma.organisation.create({ data: { name: "منظمة الإغاثة", type: "NATIONAL_NGO" } });
  presenceId = (await prisma.presence.create({ data: { organisationId: org.id, countryIso3: "NER" } })).id;
});
afterAll(() => restore());

describe("POST /api/v1/presences/{id}/events", () => {
  it("answers 422 on the kind for an arrival that would lead to expelled, and writes nothing", async () => {
    const refused = await post(analystToken, presenceId, body(1, { status: "EXPELLED", kind: "ARRIVAL" }));
    expect(refused.status).toBe(422);
    const answer = (await refused.json()) as { error: { issues: { param: string; message: string }[] } };
    expect(answer.error.issues).toEqual([expect.objectContaining({ param: "kind", message: expect.stringContaining("Arrival cannot lead to expelled") })]);
    expect(await prisma.accessEvent.count({ where: { presenceId } })).toBe(0);
  });

  it("answers 201 with the new event and version, then 409 with the current state for the stale version", async () => {
    const created = await post(analystToken, presenceId, body(1));
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ eventId: expect.any(Number), presence: { id: presenceId, version: 2, status: "RESTRICTED" } });
    const stale = await post(analystToken, presenceId, body(1, { status: "EXPELLED", kind: "ORDER_TO_LEAVE" }));
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: "conflict", current: { version: 2, status: "RESTRICTED" } } });
  });

  it("answers 422 with the field errors, 403 for a viewer, 404 for an unknown presence, 401 without a valid token", async () => {
    const events = await prisma.accessEvent.count();
    const invalid = await post(analystToken, presenceId, body(2, { peopleAffected: -1, occurredOn: "2999-01-01", sources: [] }));
    expect(invalid.status).toBe(422);
    const issues = ((await invalid.json()) as { error: { issues: { param: string }[] } }).error.issues.map((i) => i.param).sort();
    expect(issues).toEqual(["occurredOn", "peopleAffected", "sources"]);
    expect((await post(viewerToken, presenceId, body(2))).status).toBe(403);
    expect((await post(analystToken, 424242, body(1))).status).toBe(404);
    expect((await post(analystToken, "abc", body(1))).status).toBe(404);
    expect((await post("am_nope", presenceId, body(2))).status).toBe(401);
    expect((await post(analystToken, presenceId, "{not json")).status).toBe(400);
    expect((await post(analystToken, presenceId, { ...body(2), summary: "x".repeat(70_000) })).status).toBe(413);
    expect(await prisma.accessEvent.count()).toBe(events);
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await openApiRoute(new Request("http://localhost/api/v1/openapi.json")).json()) as {
      paths: Record<string, { post?: { responses: Record<string, unknown> } }>;
    };
    expect(Object.keys(doc.paths["/api/v1/presences/{id}/events"]!.post!.responses)).toEqual(expect.arrayContaining(["201", "409", "422", "403"]));
  });
});

describe("answers that say what is wrong", () => {
  it("refuses a body that is JSON but not an object with 400, writing nothing", async () => {
    const before = await prisma.accessEvent.count();
    for (const payload of ['"a string"', "[1, 2]", "null", "42"]) {
      const answer = await post(analystToken, presenceId, payload);
      expect(answer.status, payload).toBe(400);
      expect(await answer.json()).toMatchObject({ error: { code: "bad_request", message: expect.stringContaining("JSON object") } });
    }
    expect((await post(analystToken, presenceId, "{ not json")).status).toBe(400);
    expect(await prisma.accessEvent.count()).toBe(before);
  });

  it("says that a version of the wrong type is of the wrong type, and that a future publication date is in the future", async () => {
    const wrongType = await post(analystToken, presenceId, body("three" as never));
    expect(wrongType.status).toBe(422);
    expect(await wrongType.json()).toMatchObject({ error: { issues: [{ param: "version", message: expect.stringContaining("whole number") }] } });
    const missing = await post(analystToken, presenceId, { ...body(1), version: undefined });
    expect(await missing.json()).toMatchObject({ error: { issues: [{ param: "version", message: "The version you saw is required" }] } });
    const future = await post(analystToken, presenceId, body(9, { sources: [{ publisher: "Reuters", title: "Later", publishedOn: "2999-01-01" }] }));
    expect(future.status).toBe(422);
    expect(await future.json()).toMatchObject({ error: { issues: [{ param: "sources.0", message: "Publication date cannot be in the future" }] } });
    const known = await post(analystToken, presenceId, body(9, { sources: [{ sourceId: "x" }] }));
    expect(await known.json()).toMatchObject({ error: { issues: [{ param: "sources.0", message: "Choose a source" }] } });
  });
});
