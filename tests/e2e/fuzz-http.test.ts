// Fuzzing over real HTTP against the production build, through proxy.ts and Next.js as a
// client would reach them: full Unicode (NUL, lone surrogates, bidirectional controls,
// zero-width characters, very long strings) in JSON bodies, raw bytes, query strings and
// paths of every API endpoint and page; export bodies read to their end. Never a 5xx;
// malformed input writes nothing; well-formed input is written exactly once per success.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { issueApiToken } from "@/lib/data/api-tokens";
import { assessmentSchema } from "@/lib/domain/assessment-input";
import { CATEGORIES } from "@/lib/domain/constraint-codes";
import { aliasSchema, articleSchema, organisationSchema, statusChangeSchema } from "@/lib/domain/edit-schemas";
import { seedUser } from "../support/factories";
import { ownDatabaseAppForFile } from "../support/own-app";

// Fuzzing checks how input is handled, not the request budgets it would spend in seconds.
const own = ownDatabaseAppForFile({ RATE_LIMIT_MULTIPLIER: "1000" });
let token: string;
let ids: { presence: number; organisation: number; event: number; updatedAt: string };
let requests = 0;
const serverErrors: string[] = [];

const NASTY_UNITS = [
  "\u0000",
  "\u0007",
  "\u001B",
  "\u007F",
  "\u0085",
  "\u202E",
  "\u2066",
  "\u200B",
  "\u200D",
  "\uFEFF",
  "\uD800",
  "\uDFFF",
  "\uDBFF\uDFFF",
  "<",
  "&amp;",
  '"',
  "\\",
  "=",
  "'",
  "%",
  "\n",
  "é",
  "ع",
  "😀",
];
const unit = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_UNITS) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) },
);
const text = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit, minLength: 3_000, maxLength: 5_000 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("x".repeat(70_000), "9".repeat(400), "2999-01-01", "2025-02-30", "NaN", "-1", "javascript:alert(1)", "EXPELLED", "DAY"),
  },
);
const value = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));

/** A valid status change or organisation with one field replaced by fuzz: mostly almost right. */
function nearlyValid(base: Record<string, unknown>) {
  return fc
    .record({ field: fc.constantFrom(...Object.keys(base), "__proto__", "extra"), replacement: fc.oneof(value, fc.array(value, { maxLength: 3 })) })
    .map(({ field, replacement }) => ({ ...base, [field]: replacement }));
}

const statusChange = () => ({
  status: "RESTRICTED",
  kind: "RESTRICTION_IMPOSED",
  occurredOn: "2026-01-10",
  datePrecision: "DAY",
  summary: "Field travel suspended for international staff.",
  peopleAffected: 1200,
  confidence: "REPORTED",
  version: 1,
  sources: [{ publisher: "Fuzz Wire", title: "Travel suspended", url: "https://example.org/a", quote: "Suspended." }],
});
const organisation = () => ({ name: "Fuzz Relief", acronym: "FR", type: "INGO", website: "https://example.org" });
const assessment = () => ({
  country: "NER",
  from: "2025-02-01",
  to: "2025-02-28",
  draft: true,
  indicators: Object.fromEntries(CATEGORIES.map((c) => [c, { score: 1, rationale: "Scored by the fuzz test.", eventIds: [] }])),
});

async function send(method: string, path: string, body?: string | Uint8Array, headers: Record<string, string> = {}) {
  const response = await fetch(`${own.baseUrl}${path}`, {
    method,
    redirect: "manual",
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body: body as BodyInit | undefined,
  });
  // Every body is read to its end, exports included: a failure while streaming counts too.
  const received = await response.arrayBuffer().then(
    (b) => b.byteLength,
    (error: unknown) => `stream failed: ${String(error)}`,
  );
  requests += 1;
  if (response.status >= 500 || typeof received === "string") serverErrors.push(`${method} ${path.slice(0, 120)} → ${response.status} ${received}`);
  return response.status;
}

async function writeCounts(): Promise<string> {
  const tables = [
    "AccessEvent",
    "EventSource",
    "Source",
    "Organisation",
    "Presence",
    "EventMonthTotal",
    "PresenceStatusPeriod",
    "Assessment",
    "AssessmentVersion",
  ];
  const counts = await Promise.all(tables.map((t) => own.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${t}"`)));
  const versions = await own.prisma.$queryRawUnsafe<{ v: string }[]>(
    `SELECT (SELECT string_agg(version::text, ',' ORDER BY id) FROM "Presence") || (SELECT string_agg(version::text, ',' ORDER BY id) FROM "AccessEvent") || (SELECT string_agg("updatedAt"::text, ',' ORDER BY id) FROM "Organisation") AS v`,
  );
  return JSON.stringify([counts.map((c) => c[0]!.n), versions[0]!.v]);
}

/** Requests per write endpoint, raw bodies, per list endpoint and page: about 3,000 in all. */
const RUNS = { body: 300, raw: 200, query: 60, page: 250 };

/**
 * Percent-encoding that also sends what encodeURIComponent refuses: a lone surrogate goes as
 * the three bytes a careless encoder would write for it (not valid UTF-8 at all).
 */
function percentEncode(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < value.length && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) {
      out += encodeURIComponent(value.slice(i, i + 2));
      i += 1;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join("");
    } else out += encodeURIComponent(value[i]!);
  }
  return out;
}

beforeAll(async () => {
  const admin = (await seedUser(own.prisma, { role: "ADMIN" })).actor;
  token = (await issueApiToken(admin, { name: "HTTP fuzz", email: admin.email })).token;
  const org = await own.prisma.organisation.create({ data: { name: "Fuzz target", type: "INGO" } });
  const presence = await own.prisma.presence.create({ data: { organisationId: org.id, countryIso3: "NER" } });
  const event = await own.prisma.accessEvent.findFirstOrThrow({ where: { countryIso3: "NER", presenceId: { not: null } } });
  ids = { presence: presence.id, organisation: org.id, event: event.id, updatedAt: org.updatedAt.toISOString() };
});

describe("fuzzing over HTTP", () => {
  it("answers malformed JSON bodies on every write endpoint with a 4xx, writing nothing", async () => {
    const before = await writeCounts();
    // Each base is one field away from a write: for the creations, a payload that happens to
    // be valid is left to the next test; the others are stale (a version or time that has
    // moved on) or point at nothing, so that even a valid body cannot write.
    const stale = "2020-01-01T00:00:00.000Z";
    const writes: [string, string, () => Record<string, unknown>, z.ZodType | null][] = [
      ["POST", `/api/v1/presences/${ids.presence}/events`, statusChange, statusChangeSchema],
      ["POST", "/api/v1/organisations", organisation, organisationSchema],
      ["PATCH", `/api/v1/organisations/${ids.organisation}`, () => ({ name: "Renamed", updatedAt: stale }), null],
      ["PATCH", `/api/v1/events/${ids.event}`, () => ({ version: 99, summary: "A corrected summary here." }), null],
      ["POST", `/api/v1/events/${ids.event}/retraction`, () => ({ version: 99, reason: "Retracted by the fuzz test." }), null],
      ["POST", `/api/v1/events/${ids.event}/sources`, () => ({ source: { sourceId: 999_999 }, claim: "x" }), null],
      ["POST", "/api/v1/presences", () => ({ organisationId: ids.organisation, countryIso3: "ZZZ" }), null],
      ["POST", `/api/v1/events/${ids.event}/publication`, () => ({ version: 99 }), null],
      ["POST", `/api/v1/events/${ids.event}/return`, () => ({ version: 99, comment: "Please check the date." }), null],
      ["POST", `/api/v1/organisations/${ids.organisation}/aliases`, () => ({ name: "Fuzz alias", language: "fr" }), aliasSchema],
      ["POST", "/api/v1/organisations/999999/merge", () => ({ organisationId: ids.organisation }), null],
      ["POST", "/api/v1/imports/999999/undo", () => ({ reason: "Undone by the fuzz test." }), null],
      ["POST", "/api/v1/triage", () => ({ text: "The ICRC was expelled from Niger on Tuesday.", publisher: "Fuzz", title: "Fuzz" }), articleSchema],
      ["POST", "/api/v1/assessments", assessment, assessmentSchema],
      ["POST", "/api/v1/assessments/999999/versions", () => ({ version: 1, indicators: assessment().indicators }), null],
      ["POST", "/api/v1/assessments/999999/publish", () => ({ version: 1 }), null],
    ];
    for (const [method, path, base, schema] of writes) {
      await fc.assert(
        fc.asyncProperty(fc.oneof(nearlyValid(base()), fc.dictionary(text, value, { maxKeys: 6 }), fc.jsonValue({ maxDepth: 3 })), async (payload) => {
          fc.pre(!schema?.safeParse(payload).success);
          const status = await send(method, path, JSON.stringify(payload));
          expect(status, `${method} ${path} ${JSON.stringify(payload).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        }),
        { numRuns: RUNS.body, seed: 20261202 },
      );
    }
    // Raw bytes: invalid UTF-8, truncated JSON, deep nesting, a body over the limit.
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.constant(new TextEncoder().encode("[".repeat(50_000))), fc.constant(new Uint8Array(300_000).fill(0x7b))),
        async (bytes) => {
          const status = await send("POST", "/api/v1/organisations", bytes);
          expect(status).toBeGreaterThanOrEqual(400);
        },
      ),
      { numRuns: RUNS.raw, seed: 20261202 },
    );
    // Raw bytes as a file to import: a clear 4xx (or a preview of nothing), never a 5xx, nothing written.
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc.string({ maxLength: 300 }).map((t) => new TextEncoder().encode(`Organisation,Country\r\n${t}`)),
        ),
        fc.constantFrom("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "multipart/form-data; boundary=x"),
        async (bytes, type) => {
          const status = await send("POST", "/api/v1/imports?dryRun=true", bytes, { "content-type": type });
          expect(status === 200 || (status >= 400 && status < 500)).toBe(true);
        },
      ),
      { numRuns: RUNS.raw, seed: 20261202 },
    );
    expect(await writeCounts()).toBe(before);
  }, 600_000);

  it("writes well-formed input exactly once per success, whatever Unicode it holds", async () => {
    const acceptedName = fc
      .string({
        unit: fc.oneof(fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }), fc.constantFrom("é", "ع", "国", "ß")),
        minLength: 2,
        maxLength: 60,
      })
      .filter((name) => organisationSchema.safeParse({ name, type: "INGO" }).success);
    let created = 0;
    const before = await own.prisma.organisation.count();
    await fc.assert(
      fc.asyncProperty(acceptedName, async (name) => {
        const status = await send("POST", "/api/v1/organisations", JSON.stringify({ name, type: "NATIONAL_NGO" }));
        expect(status).toBe(201);
        created += 1;
        const stored = await own.prisma.organisation.findFirstOrThrow({
          where: { name: organisationSchema.parse({ name, type: "INGO" }).name },
          orderBy: { id: "desc" },
        });
        expect(stored.type).toBe("NATIONAL_NGO");
      }),
      { numRuns: 60, seed: 20261202 },
    );
    expect(await own.prisma.organisation.count()).toBe(before + created);
  }, 600_000);

  it("answers fuzzed query strings and paths of every list, export and page with no 5xx, reading every export to its end", async () => {
    const before = await writeCounts();
    const key = fc.constantFrom(
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
      "actor",
      "action",
      "entityType",
      "x",
    );
    const query = fc
      .dictionary(key, fc.oneof(text, fc.constantFrom("NER", "EXPELLED", "2025-01-01", "9999-99-99", "1e9", "' OR 1=1 --")), { maxKeys: 4 })
      .map((params) =>
        Object.entries(params)
          .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v.slice(0, 1_500))}`)
          .join("&"),
      );
    const lists = [
      "/api/v1/presences",
      "/api/v1/organisations",
      "/api/v1/events",
      "/api/v1/countries",
      "/api/v1/assessments",
      "/api/v1/assessments/evidence",
      "/api/v1/assessments/1",
      "/api/v1/export/events",
      "/api/v1/export/presences",
      "/api/v1/export/audit",
      "/api/v1/export/organisations",
    ];
    for (const path of lists) {
      await fc.assert(
        fc.asyncProperty(query, async (search) => void (await send("GET", `${path}?${search}`))),
        { numRuns: RUNS.query, seed: 20261202 },
      );
    }
    // Pages, with a session cookie as a browser has, and fuzzed path segments.
    const cookie = await signIn();
    const segment = text.map((t) => percentEncode(t.slice(0, 500)));
    const pages = fc.oneof(
      query.map((search) => `/presences?${search}`),
      query.map((search) => `/events?${search}`),
      query.map((search) => `/audit?${search}`),
      query.map((search) => `/?${search}`),
      segment.map((s) => `/countries/${s}`),
      segment.map((s) => `/organisations/${s}`),
      segment.map((s) => `/events/${s}`),
      segment.map((s) => `/presences/${s}/change-status`),
    );
    await fc.assert(
      fc.asyncProperty(pages, async (path) => void (await send("GET", path, undefined, { authorization: "", cookie }))),
      { numRuns: RUNS.page, seed: 20261202 },
    );
    // Exports are audited (they are reads); nothing else was written.
    expect(await writeCounts()).toBe(before);
  }, 600_000);

  it("never answered with a 5xx", () => {
    console.log(`[fuzz] ${requests} requests over HTTP, ${serverErrors.length} answered 5xx`);
    expect(requests).toBeGreaterThanOrEqual(3_000);
    expect(serverErrors).toEqual([]);
  });
});

async function signIn(): Promise<string> {
  const { user, password } = await seedUser(own.prisma, { role: "ANALYST" });
  const { signInCookie } = await import("../../scripts/lib/bench-http");
  return signInCookie(own.baseUrl, user.email, password);
}
