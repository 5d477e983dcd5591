// The export and API routes, called as Next calls them, with API tokens: every format parsed
// back and compared with the database, formula neutralisation, tokens issued/used/revoked.
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { issueApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { listTablePage } from "@/lib/data/tables";
import { parseTableQuery } from "@/lib/domain/tables/query";
import { eventItem, listResponse, presenceItem } from "@/lib/api/schemas";
import { GET as exportRoute } from "@/app/api/v1/export/[table]/route";
import { GET as presencesRoute } from "@/app/api/v1/presences/route";
import { GET as eventsRoute } from "@/app/api/v1/events/route";
import { GET as countriesRoute } from "@/app/api/v1/countries/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { refreshProjections, seedUser } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";
import { ForbiddenError } from "@/lib/domain/errors";
import { matchColumns } from "@/lib/domain/import-format";

const BASE = "http://localhost:3000";
// This file exports more often than one person may in a minute; the limits have their own tests.
process.env.RATE_LIMIT_MULTIPLIER = "1000";
// NUL cannot be stored in PostgreSQL text at all; the unit tests cover it.
const DANGEROUS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTabbed", "\rReturn"];

let prisma: PrismaClient;
let restore: () => Promise<void>;
let admin: Actor;
let viewerToken: string;

const get = (token: string | null, path: string) => new Request(`${BASE}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const exportFile = (token: string | null, table: string, search: string) =>
  exportRoute(get(token, `/api/v1/export/${table}?${search}`), { params: Promise.resolve({ table }) });

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await prisma.country.createMany({
    data: [
      { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" },
      { iso3: "MLI", iso2: "ML", nameEn: "Mali", nameFr: "Mali", region: "Africa" },
    ],
  });
  admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
  const viewer = (await seedUser(prisma, { role: "VIEWER" })).actor;
  viewerToken = (await issueApiToken(admin, { name: "tests", email: viewer.email })).token;
  const source = await prisma.source.create({ data: { publisher: "Reuters", title: 'A "quoted", title', url: "https://example.org/a" } });
  const names = ['Médecins, "Sans" Frontières', ...DANGEROUS.map((d) => `${d} org`)];
  for (const [index, name] of names.entries()) {
    const org = await prisma.organisation.create({ data: { name, type: "INGO", iatiId: `XM-TEST-${index}` } });
    const presence = await prisma.presence.create({ data: { organisationId: org.id, countryIso3: index % 2 ? "NER" : "MLI" } });
    const event = await prisma.accessEvent.create({
      data: {
        presenceId: presence.id,
        countryIso3: presence.countryIso3,
        kind: index % 2 ? "ORDER_TO_LEAVE" : "ARRIVAL",
        resultingStatus: index % 2 ? "EXPELLED" : "OPERATING",
        occurredOn: new Date(Date.UTC(2025, 0, index + 1)),
        datePrecision: "DAY",
        summary: index === 0 ? "Line one\nline two" : DANGEROUS[index - 1]!,
        peopleAffected: index * 10,
        confidence: "REPORTED",
      },
    });
    await prisma.eventSource.create({ data: { eventId: event.id, sourceId: source.id, quote: "…" } });
  }
  await refreshProjections(prisma);
});
afterAll(() => restore());

describe("exports", () => {
  it("writes RFC 4180 CSV holding exactly the rows of the view, with neutralised formulas", async () => {
    const response = await exportFile(viewerToken, "events", "country=NER&asOf=2025-06-30&cols=occurredOn,organisation,summary,peopleAffected");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="events-NER-as-of-2025-06-30.csv"');
    const text = await response.text();
    // In table order; the id, the codes and the date's precision come whatever columns were chosen.
    expect(text.split("\r\n")[0]).toBe("Event id,Date,Date precision,ISO3,Organisation,IATI identifier,Area codes,People affected,Summary");
    const records: string[][] = parseCsv(text, { relax_column_count: false });
    const expected = await listTablePage(admin, parseTableQuery("events", { country: "NER", asOf: "2025-06-30", size: "200" }));
    expect(records.slice(1)).toEqual(
      expected.rows.map((r) => [
        String(r.id),
        r.occurredOn,
        r.datePrecision.toLowerCase(),
        "NER",
        `'${r.organisationName}`,
        r.iatiId ?? "",
        "", // no area: country-wide
        String(r.peopleAffected),
        `'${r.summary}`,
      ]),
    );
    expect(records.slice(1).map((r) => r[8])).toEqual(expect.arrayContaining(["'=1+1", "'-2+3", "'\tTabbed"]));
  });

  it("quotes commas, quotes and line breaks, and keeps Unicode", async () => {
    const text = await (await exportFile(viewerToken, "events", "country=MLI&cols=organisation,summary&sort=occurredOn&dir=asc")).text();
    expect(text).toContain(',"Médecins, ""Sans"" Frontières",XM-TEST-0,,"Line one\nline two"\r\n');
  });

  it("adds the HXL hashtag row under the header", async () => {
    const text = await (
      await exportFile(viewerToken, "presences", "format=hxl&cols=organisation,iatiId,country,iso3,status,since,peopleAffected,sources,sourceUrls")
    ).text();
    const [header, tags, first] = parseCsv(text) as string[][];
    expect(header).toEqual([
      "Presence id",
      "Organisation",
      "IATI identifier",
      "Country",
      "ISO3",
      "Status",
      "Since",
      "Since (precision)",
      "People affected",
      "Sources",
      "Source URLs",
    ]);
    expect(tags).toEqual([
      "#meta+id",
      "#org+name",
      "#org+code",
      "#country+name",
      "#country+code",
      "#status",
      "#date+start",
      "#date+start+precision",
      "#affected+ind",
      "#meta+source",
      "#meta+url",
    ]);
    expect(first).toHaveLength(11);
    const hxl = await exportFile(viewerToken, "presences", "format=hxl&status=EXPELLED");
    expect(hxl.headers.get("content-disposition")).toContain('filename="presences-expelled-as-of-');
    expect((await hxl.text()).split("\r\n")[1]).toContain("#status");
  });

  it("writes French headers with ?lang=fr, the HXL tags and the values unchanged, and the file imports back by its French headers", async () => {
    const cols = "cols=organisation,country,status,since,peopleAffected";
    const [english = [], french = []] = await Promise.all(
      ["", "&lang=fr"].map(async (lang) => parseCsv(await (await exportFile(viewerToken, "presences", `format=hxl&${cols}${lang}`)).text()) as string[][]),
    );
    expect(french[0]).toEqual([
      "Identifiant de la présence",
      "Organisation",
      "Identifiant IATI",
      "Pays",
      "ISO3",
      "Statut",
      "Depuis",
      "Depuis (précision)",
      "Personnes touchées",
    ]);
    expect(french.slice(1)).toEqual(english.slice(1)); // the tag row and every value
    expect(matchColumns("presences", french[0]!, null)).toEqual(matchColumns("presences", english[0]!, null));
    const bad = await exportFile(viewerToken, "presences", "lang=de");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { issues: { param: string }[] } }).error.issues.map((i) => i.param)).toEqual(["lang"]);
  });

  it("writes JSON objects with the column ids as keys", async () => {
    const response = await exportFile(viewerToken, "presences", "format=json&sort=organisation&dir=asc&cols=organisation,status,peopleAffected");
    const rows = (await response.json()) as Record<string, unknown>[];
    expect(rows).toHaveLength(7);
    expect(Object.keys(rows[0]!)).toEqual(["id", "organisation", "iatiId", "iso3", "status", "sincePrecision", "peopleAffected"]);
    expect(rows.find((r) => String(r.organisation).startsWith("=1+1"))).toMatchObject({ organisation: "=1+1 org", status: "Expelled", peopleAffected: 10 });
  });

  it("adds an About sheet after the data: the view, the date, every column with its HXL tag and meaning, the vocabularies", async () => {
    const response = await exportFile(viewerToken, "presences", "format=xlsx&country=NER&q=%3D1%2B1&cols=organisation,status");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Presences", "About"]);
    const rows: unknown[][] = [];
    workbook.getWorksheet("About")!.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
    const field = (name: string) => rows.find((row) => row[0] === name)?.[1];
    expect(rows[0]).toEqual(["Access Monitor: Presences"]);
    expect(field("Filters")).toBe("q = =1+1; country = NER");
    expect(field("As of")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Date.parse(String(field("Generated")))).toBeGreaterThan(Date.now() - 60_000);
    expect(String(field("How to cite"))).toContain('"Presences", as of');
    const sheetHeader = (workbook.getWorksheet("Presences")!.getRow(1).values as unknown[]).slice(1);
    const columnRows = rows.slice(rows.findIndex((row) => row[0] === "Column") + 1).slice(0, sheetHeader.length);
    expect(columnRows.map((row) => row[0])).toEqual(sheetHeader);
    expect(columnRows.find((row) => row[0] === "Status")).toEqual(["Status", "#status", "Operating, restricted or expelled (see the statuses below)."]);
    expect(columnRows.every((row) => typeof row[2] === "string" && String(row[1]).startsWith("#"))).toBe(true);
    expect(rows).toContainEqual(["Expelled", "EXPELLED"]);
  });

  it("writes XLSX with real dates and numbers, a bold frozen header, an autofilter and neutralised text", async () => {
    const response = await exportFile(viewerToken, "events", "format=xlsx&sort=occurredOn&dir=asc&cols=occurredOn,organisation,summary,peopleAffected");
    expect(response.headers.get("content-disposition")).toMatch(/filename="events-as-of-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Events")!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "Event id",
      "Date",
      "Date precision",
      "ISO3",
      "Organisation",
      "IATI identifier",
      "Area codes",
      "People affected",
      "Summary",
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(8);
    const second = sheet.getRow(3);
    expect(second.getCell(2).value).toEqual(new Date("2025-01-02T00:00:00Z"));
    expect(second.getCell(3).value).toBe("day");
    expect(second.getCell(5).value).toBe("'=1+1 org");
    expect(second.getCell(7).value).toBeNull(); // no area: country-wide
    expect(second.getCell(8).value).toBe(10);
    expect(second.getCell(9).value).toBe("'=1+1");
  });

  it("records each export in the audit log with who and which filters", async () => {
    await (await exportFile(viewerToken, "presences", "country=NER&status=EXPELLED")).text();
    const entry = await prisma.auditEntry.findFirst({ where: { action: "export" }, orderBy: { id: "desc" }, include: { actor: true } });
    expect(entry?.entityId).toBe("presences");
    expect(entry?.actor?.role).toBe("VIEWER");
    expect(entry?.after).toMatchObject({ format: "csv", filters: { country: "NER", status: "EXPELLED" } });
  });

  it("refuses anonymous calls, bad parameters, and the audit log to a viewer, writing nothing", async () => {
    const before = await prisma.auditEntry.count();
    // No session exists outside a request: the anonymous (no cookie) case is in the e2e suite.
    expect((await exportFile("am_not-a-token", "events", "")).status).toBe(401);
    // The refused token is the one thing recorded: an attack on tokens is visible.
    expect(await prisma.auditEntry.findFirst({ orderBy: { id: "desc" } })).toMatchObject({
      action: "auth.apiTokenRefused",
      actorId: null,
      after: { reason: "unknown", prefix: "am_not-a-" },
    });
    const bad = await exportFile(viewerToken, "events", "format=pdf&status=GONE&sort=summary");
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; issues: { param: string }[] } };
    expect(body.error.code).toBe("bad_request");
    expect(body.error.issues.map((i) => i.param).sort()).toEqual(["format", "sort", "status"]);
    expect((await exportFile(viewerToken, "audit", "")).status).toBe(403);
    expect((await exportFile(viewerToken, "users", "")).status).toBe(400);
    expect(await prisma.auditEntry.count()).toBe(before + 1);
  });
});

describe("API v1", () => {
  it("lists presences with the organisation, country, status, since and sources, paging by cursor", async () => {
    const first = await presencesRoute(get(viewerToken, "/api/v1/presences?country=NER&status=EXPELLED&size=2&sort=organisation"));
    expect(first.status).toBe(200);
    const page = listResponse(presenceItem).parse(await first.json());
    expect(page.data).toHaveLength(2);
    expect(page.data[0]).toMatchObject({ country: { iso3: "NER", name: "Niger" }, status: "EXPELLED", sincePrecision: "DAY" });
    expect(page.data[0]!.organisation.iatiId).toMatch(/^XM-TEST-/);
    expect(page.data[0]!.sources[0]).toMatchObject({ publisher: "Reuters", url: "https://example.org/a" });
    const ids = page.data.map((p) => p.id);
    let cursor = page.nextCursor;
    while (cursor) {
      const next = listResponse(presenceItem).parse(
        await (await presencesRoute(get(viewerToken, `/api/v1/presences?country=NER&status=EXPELLED&size=2&sort=organisation&cursor=${cursor}`))).json(),
      );
      ids.push(...next.data.map((p) => p.id));
      cursor = next.nextCursor;
    }
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });

  it("applies the as-of date: nothing had happened by 2024", async () => {
    const body = listResponse(eventItem).parse(await (await eventsRoute(get(viewerToken, "/api/v1/events?asOf=2024-12-31"))).json());
    expect(body).toEqual({ data: [], nextCursor: null });
  });

  it("lists countries with status counts", async () => {
    const body = (await (await countriesRoute(get(viewerToken, "/api/v1/countries?region=Africa"))).json()) as {
      data: { iso3: string; presences: { expelled: number } }[];
    };
    expect(body.data.map((c) => [c.iso3, c.presences.expelled])).toEqual([
      ["MLI", 0],
      ["NER", 3],
    ]);
  });

  it("answers 401 with an unknown or malformed token, and 400 with a clear message for bad parameters", async () => {
    const anonymous = await presencesRoute(get("am_unknown-token", "/api/v1/presences"));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: "unauthenticated", message: expect.stringContaining("Bearer") } });
    const malformed = new Request(`${BASE}/api/v1/presences`, { headers: { authorization: "Basic dXNlcjpwYXNz" } });
    expect((await presencesRoute(malformed)).status).toBe(401);
    const bad = await presencesRoute(get(viewerToken, "/api/v1/presences?page=2&colour=red"));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/cursor.*Unknown parameter/s);
  });

  it("stops a token at once when it is revoked, and only admins issue tokens", async () => {
    const analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
    await expect(issueApiToken(analyst, { name: "x", email: analyst.email })).rejects.toBeInstanceOf(ForbiddenError);
    const issued = await issueApiToken(admin, { name: "revoke me", email: analyst.email });
    const stored = await prisma.apiToken.findUniqueOrThrow({ where: { id: issued.id } });
    expect(stored.tokenHash).not.toContain(issued.token.slice(3));
    expect((await presencesRoute(get(issued.token, "/api/v1/presences"))).status).toBe(200);
    await revokeApiToken(admin, { id: issued.id });
    expect((await presencesRoute(get(issued.token, "/api/v1/presences"))).status).toBe(401);
    const actions = await prisma.auditEntry.findMany({ where: { entityType: "ApiToken", entityId: String(issued.id) }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(["apiToken.issue", "apiToken.revoke", "auth.apiTokenRefused"]);
  });

  it("publishes an OpenAPI 3.1 document generated from the schemas", async () => {
    const doc = (await openApiRoute(get(null, "/api/v1/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, { get: { parameters: { name: string; schema: { enum?: string[] } }[] } }>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/presences", "/api/v1/events", "/api/v1/organisations", "/api/v1/countries", "/api/v1/export/events"]),
    );
    const status = doc.paths["/api/v1/presences"]!.get.parameters.find((p) => p.name === "status");
    expect(status?.schema.enum).toEqual(["OPERATING", "RESTRICTED", "EXPELLED"]);
    expect(Object.keys(doc.components.schemas.Presence!.properties!)).toEqual(
      expect.arrayContaining(["organisation", "country", "status", "since", "sources", "version"]),
    );
  });
});
