// Property-based fuzzing (fast-check) of every v1 write and read endpoint's handler, called
// directly, with malformed input in full Unicode (lone surrogates, NUL, bidi controls):
// at least 5,000 generated requests, never a 5xx, and nothing written. The same over real
// HTTP through proxy.ts, with valid input too, is tests/e2e/fuzz-http.test.ts.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/db";
import { issueApiToken } from "@/lib/data/api-tokens";
import {
  eventEditSchema,
  linkSourceSchema,
  organisationEditSchema,
  organisationSchema,
  presenceSchema,
  retractionSchema,
  statusChangeSchema,
} from "@/lib/domain/edit-schemas";
import { POST as changeStatusRoute } from "@/app/api/v1/presences/[id]/events/route";
import { GET as listPresences, POST as createPresenceRoute } from "@/app/api/v1/presences/route";
import { GET as listOrganisations, POST as createOrganisationRoute } from "@/app/api/v1/organisations/route";
import { PATCH as updateOrganisationRoute } from "@/app/api/v1/organisations/[id]/route";
import { GET as listEvents } from "@/app/api/v1/events/route";
import { GET as listCountries } from "@/app/api/v1/countries/route";
import { PATCH as editEventRoute } from "@/app/api/v1/events/[id]/route";
import { POST as retractRoute } from "@/app/api/v1/events/[id]/retraction/route";
import { POST as sourcesRoute } from "@/app/api/v1/events/[id]/sources/route";
import { GET as exportRoute } from "@/app/api/v1/export/[table]/route";
import { seedUser } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

// What is fuzzed is input handling; the request budgets (tests/integration/request-limits.test.ts)
// would answer most of these calls 429 before any handler ran.
process.env.RATE_LIMIT_MULTIPLIER = "1000";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let token: string;
let ids: { presence: string; organisation: string; event: string };

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Field names the schemas know, so that generated objects often look almost right. */
const KEYS = [
  "status",
  "kind",
  "occurredOn",
  "datePrecision",
  "summary",
  "peopleAffected",
  "confidence",
  "version",
  "sources",
  "sourceId",
  "publisher",
  "title",
  "url",
  "quote",
  "name",
  "acronym",
  "type",
  "iatiId",
  "website",
  "updatedAt",
  "organisationId",
  "countryIso3",
  "reason",
  "source",
  "claim",
  "role",
  "__proto__",
  "constructor",
];
const unicode = fc.oneof(
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  fc.constantFrom("\u0000", "\u202E", "\u200B", "\uFEFF", "\u0085"),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
);
const nasty = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "<script>alert(1)</script>",
    "=1+1",
    "\u0000",
    "9".repeat(400),
    "2999-01-01",
    "2025-02-30",
    "NaN",
    "-1",
    "javascript:alert(1)",
    "EXPELLED",
    "DAY",
  ),
  fc.string({ unit: unicode, maxLength: 300 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const almostValid = fc.dictionary(
  fc.constantFrom(...KEYS),
  fc.oneof(nasty, fc.array(fc.dictionary(fc.constantFrom(...KEYS), nasty), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...KEYS), nasty)),
  { maxKeys: 10 },
);
const body = fc.oneof(
  almostValid,
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ maxLength: 200 }).map((text) => ({ __raw: text })),
);

const post = (handler: Handler, method: string, params: Record<string, string>, payload: unknown) => {
  const raw = typeof payload === "object" && payload !== null && "__raw" in payload ? String((payload as { __raw: string }).__raw) : JSON.stringify(payload);
  return handler(
    new Request("http://localhost/api/v1/fuzz", { method, headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: raw }),
    { params: Promise.resolve(params) },
  );
};

async function counts() {
  const tables = ["AccessEvent", "EventSource", "Source", "Organisation", "Presence", "AuditEntry"];
  const rows = await Promise.all(tables.map((t) => prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${t}"`)));
  const versions = await prisma.$queryRawUnsafe<{ v: string }[]>(
    `SELECT (SELECT string_agg(version::text || "reviewState", ',' ORDER BY id) FROM "AccessEvent") || (SELECT string_agg(name || "updatedAt", ',' ORDER BY id) FROM "Organisation") AS v`,
  );
  return JSON.stringify([rows.map((r) => r[0]!.n), versions[0]!.v]);
}

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await prisma.country.create({ data: { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" } });
  const admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
  token = (await issueApiToken(admin, { name: "fuzz", email: admin.email })).token;
  const org = await prisma.organisation.create({ data: { name: "Fuzz target", type: "INGO" } });
  const presence = await prisma.presence.create({ data: { organisationId: org.id, countryIso3: "NER" } });
  const event = await prisma.accessEvent.create({
    data: {
      presenceId: presence.id,
      countryIso3: "NER",
      kind: "ARRIVAL",
      resultingStatus: "OPERATING",
      occurredOn: new Date("2020-01-01T00:00:00Z"),
      datePrecision: "YEAR",
      summary: "Arrived.",
      confidence: "CONFIRMED",
    },
  });
  ids = { presence: String(presence.id), organisation: String(org.id), event: String(event.id) };
});
afterAll(() => restore());

describe("fuzzing the API", () => {
  const WRITES: [string, Handler, string, () => Record<string, string>, z.ZodType][] = [
    ["status change", changeStatusRoute, "POST", () => ({ id: ids.presence }), statusChangeSchema],
    ["new organisation", createOrganisationRoute, "POST", () => ({}), organisationSchema],
    ["organisation edit", updateOrganisationRoute, "PATCH", () => ({ id: ids.organisation }), organisationEditSchema],
    ["new presence", createPresenceRoute, "POST", () => ({}), presenceSchema],
    ["event edit", editEventRoute, "PATCH", () => ({ id: ids.event }), eventEditSchema],
    ["retraction", retractRoute, "POST", () => ({ id: ids.event }), retractionSchema],
    ["new citation", sourcesRoute, "POST", () => ({ id: ids.event }), linkSourceSchema],
  ];

  it("answers 5,000+ malformed requests with 4xx, never 5xx, and writes nothing", async () => {
    const before = await counts();
    let requests = 0;
    for (const [name, handler, method, params, schema] of WRITES) {
      await fc.assert(
        fc.asyncProperty(body, fc.constantFrom(params().id ?? "", "0", "-1", "abc", "99999999999", ""), async (payload, id) => {
          // A generated body that happens to be valid is not malformed input: skip it.
          fc.pre(!schema.safeParse(payload).success);
          const response = await post(handler, method, params().id ? { id: Math.random() < 0.8 ? params().id! : id } : {}, payload);
          requests += 1;
          if (response.status >= 500 || response.status < 400)
            throw new Error(`${name}: ${response.status} ${await response.text()} for ${JSON.stringify(payload).slice(0, 200)}`);
        }),
        { numRuns: 550, seed: 20261123 },
      );
    }
    const query = fc.dictionary(
      fc.constantFrom(
        "country",
        "status",
        "type",
        "kind",
        "confidence",
        "from",
        "to",
        "asOf",
        "sort",
        "dir",
        "size",
        "cursor",
        "page",
        "q",
        "region",
        "organisation",
        "cols",
        "format",
        "x",
      ),
      // URLSearchParams percent-encodes each value: "\u0000" arrives as %00, a NUL.
      fc.oneof(
        fc.string({ unit: unicode, maxLength: 60 }),
        fc.constantFrom("NER", "EXPELLED", "2025-01-01", "9999-99-99", "-5", "1e9", "\u0000", "a\u202Eb", "' OR 1=1 --"),
      ),
      { maxKeys: 5 },
    );
    const READS: [string, Handler, Record<string, string>][] = [
      ["presences", listPresences as Handler, {}],
      ["organisations", listOrganisations as Handler, {}],
      ["events", listEvents as Handler, {}],
      ["countries", listCountries as Handler, {}],
      ["export", exportRoute as Handler, { table: "events" }],
    ];
    for (const [name, handler, params] of READS) {
      await fc.assert(
        fc.asyncProperty(query, async (search) => {
          const response = await handler(
            new Request(`http://localhost/api/v1/${name}?${new URLSearchParams(search)}`, { headers: { authorization: `Bearer ${token}` } }),
            { params: Promise.resolve(params) },
          );
          requests += 1;
          // Read to the end: an export that fails while streaming counts as a failure too.
          await response.arrayBuffer();
          if (response.status >= 500) throw new Error(`${name}: ${response.status} for ${JSON.stringify(search)}`);
        }),
        { numRuns: 300, seed: 20261123 },
      );
    }
    expect(requests).toBeGreaterThanOrEqual(5_000);
    // Exports are audited even when valid; everything else must be untouched.
    await prisma.auditEntry.deleteMany({ where: { action: "export" } });
    expect(await counts()).toBe(before);
  }, 300_000);
});
