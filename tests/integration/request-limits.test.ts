// Request budgets and request bodies: a token's calls, unrecognised callers and exports are
// limited with 429 and Retry-After (in PostgreSQL, so every instance counts the same);
// bodies are refused while they stream in, after the caller is known, and their text must
// obey the one text rule: a 4xx naming the field, never a 500.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { issueApiToken } from "@/lib/data/api-tokens";
import { consumeRateLimit } from "@/lib/data/rate-limit";
import { RATE_LIMIT_RULES } from "@/lib/domain/rate-limits";
import { GET as listOrganisations, POST as createOrganisationRoute } from "@/app/api/v1/organisations/route";
import { GET as exportRoute } from "@/app/api/v1/export/[table]/route";
import { seedUser, unique } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let admin: Actor;

const newToken = async (role: "VIEWER" | "ANALYST" = "ANALYST") => {
  const { actor } = await seedUser(prisma, { role });
  return (await issueApiToken(admin, { name: unique("limits"), email: actor.email })).token;
};
const list = (token: string, clientAddress = "192.0.2.1") =>
  listOrganisations(new Request("http://localhost/api/v1/organisations", { headers: { authorization: `Bearer ${token}`, "x-forwarded-for": clientAddress } }));
const post = (token: string, body: BodyInit, headers: Record<string, string> = {}) =>
  createOrganisationRoute(
    new Request("http://localhost/api/v1/organisations", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
      body,
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit),
    { params: Promise.resolve({}) },
  );

/** A chunked body of `chunks` × 16 kB that counts how much of it was read. */
function countedBody(chunks: number) {
  const counter = { pulled: 0 };
  const chunk = new TextEncoder().encode(`{"name":"${"x".repeat(16 * 1024 - 20)}`);
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counter.pulled >= chunks) return controller.close();
        counter.pulled += 1;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
});
afterAll(() => restore());

describe("request budgets", () => {
  it("lets a token spend its burst at once, then answers 429 with Retry-After, and refills at its rate", async () => {
    const token = await newToken();
    const { burst, perMinute } = RATE_LIMIT_RULES.token;
    // The budget refills while the burst is spent (one call per 60 / perMinute seconds), so
    // count the calls allowed before the first refusal and bound them by the time it took.
    const started = performance.now();
    let allowed = 0;
    let refused = await list(token);
    while (refused.status === 200 && allowed < burst + 20) {
      allowed += 1;
      refused = await list(token);
    }
    const refilled = Math.ceil((performance.now() - started) / (60_000 / perMinute));
    expect(allowed).toBeGreaterThanOrEqual(burst);
    expect(allowed).toBeLessThanOrEqual(burst + refilled);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(await refused.json()).toMatchObject({ error: { code: "rate_limited", retryAfterSeconds: 1 } });
    // One interval later (60 / perMinute seconds), one more call fits.
    await new Promise((resolve) => setTimeout(resolve, (60_000 / perMinute) * 1.2));
    expect((await list(token)).status).toBe(200);
    // Another token has its own budget.
    expect((await list(await newToken())).status).toBe(200);
  });

  it("keeps a budget per key in the shared database: a person's burst is large, and then it is spent", async () => {
    const key = unique("user:test");
    const { burst, perMinute } = RATE_LIMIT_RULES.session;
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: burst + 20 }, () => consumeRateLimit(key, "session")));
    // The budget refills while the requests are answered: one more per interval that passed.
    const refilled = Math.floor((performance.now() - started) / (60_000 / perMinute));
    const allowed = answers.filter((a) => a === null).length;
    expect(allowed).toBeGreaterThanOrEqual(burst);
    expect(allowed).toBeLessThanOrEqual(burst + refilled);
    expect(allowed).toBeLessThan(burst + 20);
    expect(answers.filter((a) => a !== null).every((wait) => wait === 1)).toBe(true);
  });

  it("audits unrecognised tokens from one address up to its budget, then answers 429 and writes nothing more", async () => {
    const from = "192.0.2.77";
    const { burst } = RATE_LIMIT_RULES.anonymous;
    for (let i = 0; i < burst; i += 1) expect((await list(`am_guess-${i}-aaaaaaaaaaaa`, from)).status).toBe(401);
    const before = await prisma.auditEntry.count({ where: { action: "auth.apiTokenRefused" } });
    expect(before).toBeGreaterThanOrEqual(burst);
    expect((await list("am_guess-final-aaaaaaaaaaaa", from)).status).toBe(429);
    expect(await prisma.auditEntry.count({ where: { action: "auth.apiTokenRefused" } })).toBe(before);
    // A caller elsewhere is not affected.
    expect((await list("am_guess-other-aaaaaaaaaaaa", "192.0.2.78")).status).toBe(401);
  });

  it("allows a user five exports at once, then one every twelve seconds", async () => {
    const token = await newToken("VIEWER");
    const exportOrganisations = () =>
      exportRoute(new Request("http://localhost/api/v1/export/organisations?format=csv", { headers: { authorization: `Bearer ${token}` } }), {
        params: Promise.resolve({ table: "organisations" }),
      });
    for (let i = 0; i < RATE_LIMIT_RULES.export.burst; i += 1) {
      const response = await exportOrganisations();
      expect(response.status).toBe(200);
      await response.text();
    }
    const refused = await exportOrganisations();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(11);
    expect(await refused.json()).toMatchObject({ error: { message: expect.stringContaining("as many exports as one person may") } });
  });
});

describe("request bodies", () => {
  it("refuses broken Unicode, NUL and bidi controls anywhere in a JSON body with 422 naming the field", async () => {
    const token = await newToken();
    const before = await prisma.organisation.count();
    const loneSurrogate = await post(token, '{"name":"ICRC \\ud800","type":"INGO"}');
    expect(loneSurrogate.status).toBe(422);
    expect(await loneSurrogate.json()).toMatchObject({
      error: { code: "invalid_input", issues: [{ param: "name", message: expect.stringContaining("broken character") }] },
    });
    const nulKey = await post(token, '{"name":"ICRC","type":"INGO","\\u0000":1}');
    expect(nulKey.status).toBe(422);
    const bidi = await post(token, JSON.stringify({ name: "ICRC", acronym: "\u202Eexe.CRCI", type: "INGO" }));
    expect(await bidi.json()).toMatchObject({ error: { issues: [{ param: "acronym" }] } });
    const zeroWidth = await post(token, JSON.stringify({ name: "IC\u200BRC", type: "INGO" }));
    expect(zeroWidth.status).toBe(422);
    expect(await zeroWidth.json()).toMatchObject({ error: { issues: [{ param: "name", message: "Name contains invisible zero-width characters" }] } });
    const invalidUtf8 = await post(token, new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]));
    expect(invalidUtf8.status).toBe(400);
    expect(await prisma.organisation.count()).toBe(before);
  });

  it("stops reading a chunked body as soon as it passes 64 kB", async () => {
    const token = await newToken();
    const { stream, counter } = countedBody(1_000); // 16 MB if read to the end
    const response = await post(token, stream);
    expect(response.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(6);
  });

  it("never reads the body of a caller it does not know", async () => {
    const { stream, counter } = countedBody(1_000);
    const response = await post("am_junk-token-aaaaaaaaaaaa", stream, { "x-forwarded-for": "192.0.2.99" });
    expect(response.status).toBe(401);
    expect(counter.pulled).toBeLessThanOrEqual(1);
  });
});

describe("filters that name nothing", () => {
  it("answers an export or a list for an unknown country code with 400 naming the parameter, not an empty file", async () => {
    const token = await newToken("VIEWER");
    const exported = await exportRoute(
      new Request("http://localhost/api/v1/export/events?format=csv&country=XXX", { headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({ table: "events" }) },
    );
    expect(exported.status).toBe(400);
    expect(await exported.json()).toMatchObject({ error: { code: "bad_request", issues: [{ param: "country", message: expect.stringContaining("XXX") }] } });
    const listed = await listOrganisations(
      new Request("http://localhost/api/v1/organisations?country=XXX", { headers: { authorization: `Bearer ${token}`, "x-forwarded-for": "192.0.2.9" } }),
    );
    expect(listed.status).toBe(400);
  });
});
