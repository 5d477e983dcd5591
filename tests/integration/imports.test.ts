// Bulk import through POST /api/v1/imports: the app's own exports (CSV, XLSX, HXL) import back
// with nothing new; new rows are previewed, then written all or none; a re-import writes
// nothing; undo retracts exactly what the import created; bad files get a clear message.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import ExcelJS from "exceljs";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { issueApiToken } from "@/lib/data/api-tokens";
import { GET as exportRoute } from "@/app/api/v1/export/[table]/route";
import { POST as importRoute } from "@/app/api/v1/imports/route";
import { GET as importGetRoute } from "@/app/api/v1/imports/[id]/route";
import { POST as undoRoute } from "@/app/api/v1/imports/[id]/undo/route";
import { POST as commitRoute } from "@/app/api/v1/imports/[id]/commit/route";
import { seedDatabase } from "@/prisma/seed";
import { remapImport, stageImport, commitImport, listImportRows } from "@/lib/data/imports";
import { TABLE_COLUMNS } from "@/lib/domain/tables/columns";
import { REBUILD_MONTH_TOTALS } from "@/lib/data/projections/event-month-totals";
import { seedUser } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

process.env.RATE_LIMIT_MULTIPLIER = "1000";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let analyst: Actor;
let token: string;
let secondToken: string;
let viewerToken: string;

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const auth = (t: string) => ({ authorization: `Bearer ${t}` });

async function exportBytes(table: string, format: string, cols?: string[]): Promise<Uint8Array> {
  const search = new URLSearchParams({ format, ...(cols ? { cols: cols.join(",") } : {}) });
  const response = await exportRoute(new Request(`http://localhost/api/v1/export/${table}?${search}`, { headers: auth(token) }), {
    params: Promise.resolve({ table }),
  });
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

const upload = (body: BodyInit | Uint8Array, type: string, query = "", t = token, extra: Record<string, string> = {}) =>
  importRoute(
    new Request(`http://localhost/api/v1/imports${query}`, { method: "POST", headers: { ...auth(t), "content-type": type, ...extra }, body: body as BodyInit }),
  );

/** The month totals as kept by the writes equal a recount from the events (which then replaces them: the same rows). */
async function expectTotalsRecounted() {
  const read = async () => ({
    events:
      await prisma.$queryRaw`SELECT month, kind::text, "statusKey", events, "peopleEvents", people::text FROM "EventMonthTotal" WHERE events <> 0 ORDER BY 1, 2, 3`,
    byCountry:
      await prisma.$queryRaw`SELECT "countryIso3", month, kind::text, "statusKey", events, "peopleEvents", people::text FROM "CountryEventMonthTotal" WHERE events <> 0 ORDER BY 1, 2, 3, 4`,
    constraints:
      await prisma.$queryRaw`SELECT month, "countryIso3", category::text, events, located FROM "ConstraintMonthTotal" WHERE events <> 0 ORDER BY 1, 2, 3`,
    areas: await prisma.$queryRaw`SELECT "countryIso3", month, "areaCode", events FROM "ConstraintAreaMonthTotal" WHERE events <> 0 ORDER BY 1, 2, 3`,
  });
  const kept = await read();
  await prisma.$transaction(REBUILD_MONTH_TOTALS.map((statement) => prisma.$executeRaw(statement)));
  expect(kept).toEqual(await read());
}

const counts = async () => ({
  organisations: await prisma.organisation.count(),
  presences: await prisma.presence.count(),
  events: await prisma.accessEvent.count(),
  sources: await prisma.source.count(),
});

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await seedDatabase(prisma);
  const admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
  analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
  const second = (await seedUser(prisma, { role: "ANALYST" })).actor;
  const viewer = (await seedUser(prisma, { role: "VIEWER" })).actor;
  token = (await issueApiToken(admin, { name: "a", email: analyst.email })).token;
  secondToken = (await issueApiToken(admin, { name: "b", email: second.email })).token;
  viewerToken = (await issueApiToken(admin, { name: "v", email: viewer.email })).token;
});
afterAll(() => restore());
afterEach(() => {
  delete process.env.REQUIRE_REVIEW;
});

describe("round trip: the app's exports import back unchanged", () => {
  for (const table of ["organisations", "presences", "events"] as const) {
    for (const format of ["csv", "xlsx", "hxl"] as const) {
      it(`${table} as ${format}, every column: nothing new`, async () => {
        const before = await counts();
        const bytes = await exportBytes(
          table,
          format,
          TABLE_COLUMNS[table].map((c) => c.id),
        );
        const response = await upload(bytes, format === "xlsx" ? XLSX : "text/csv");
        const body = (await response.json()) as { created: Record<string, number[]>; skipped: number };
        expect(response.status, JSON.stringify(body)).toBe(201);
        expect(body.created).toEqual({ organisations: [], presences: [], events: [] });
        expect(body.skipped).toBeGreaterThan(0);
        expect(await counts()).toEqual(before);
      });
    }
  }

  it("refuses the audit log, a record of actions rather than facts", async () => {
    const response = await upload(await exportBytes("audit", "csv"), "text/csv");
    expect(response.status).toBe(422);
    expect(JSON.stringify(await response.json())).toContain("not recognised as events, presences or organisations");
  });
});

const NEW_ROWS = [
  "Date,Date precision,Country,Organisation,Type,Event,Resulting status,Confidence,Summary,Sources,Source URLs",
  // The ICRC by its acronym; a new organisation; a country-level event; the new organisation again.
  "2025-03-01,month,Niger,ICRC,,Restriction imposed,Restricted,Reported,Movement of the ICRC restricted around Diffa (test row).,Test Wire: ICRC movements,https://example.org/icrc",
  "2025-02-10,day,NER,Aid Org From Import,International NGO,Arrival,Operating,Confirmed,A new organisation arrives in Niger (test row).,Test Wire: Arrival,",
  "2025-02-11,day,Niger,,,Other,,Reported,A country-wide event from an import (test row).,Test Wire: Country,",
  "2025-02-12,day,Niger,aid org from import,,Order to leave,Expelled,Confirmed,The new organisation is ordered to leave (test row).,Test Wire: Order,",
].join("\r\n");

describe("new rows", () => {
  it("previews every row without writing, commits all of them, writes nothing on a re-import, and undoes exactly what it created", async () => {
    const before = await counts();
    const preview = await upload(NEW_ROWS, "text/csv", "?dryRun=true");
    expect(preview.status).toBe(200);
    const dry = (await preview.json()) as { counts: Record<string, number>; rows: { line: number; action: string; what: string[] }[] };
    expect(dry.counts).toEqual({ create: 4, existing: 0, duplicate: 0, error: 0 });
    expect(dry.rows.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(dry.rows[0]!.what.join("; ")).toContain("matched organisation “International Committee of the Red Cross” by acronym");
    expect(dry.rows[1]!.what.join("; ")).toContain("new organisation “Aid Org From Import”");
    expect(dry.rows[3]!.what.join("; ")).toContain("new in this file");
    expect(await counts()).toEqual(before);
    expect(await prisma.import.count({ where: { state: "PREVIEW" } })).toBe(0);

    const committed = await upload(NEW_ROWS, "text/csv", "?draft=false");
    expect(committed.status).toBe(201);
    const result = (await committed.json()) as { id: number; created: { organisations: number[]; presences: number[]; events: number[] } };
    expect(result.created.organisations).toHaveLength(1);
    expect(result.created.presences).toHaveLength(1);
    expect(result.created.events).toHaveLength(4);
    expect(await prisma.accessEvent.count({ where: { id: { in: result.created.events }, reviewState: "PUBLISHED" } })).toBe(4);
    const org = await prisma.organisation.findUniqueOrThrow({ where: { id: result.created.organisations[0]! }, include: { presences: true } });
    expect(org.presences.map((p) => [p.countryIso3, p.status])).toEqual([["NER", "EXPELLED"]]);
    expect(await prisma.auditEntry.count({ where: { action: "import.commit", entityId: String(result.id) } })).toBe(1);
    await expectTotalsRecounted();
    expect(await counts()).toEqual({
      ...before,
      organisations: before.organisations + 1,
      presences: before.presences + 1,
      events: before.events + 4,
      sources: before.sources + 4,
    });

    // The same file again: every row a duplicate, nothing written.
    const again = await upload(NEW_ROWS, "text/csv");
    const repeated = (await again.json()) as { created: Record<string, number[]>; skipped: number };
    expect(repeated.created).toEqual({ organisations: [], presences: [], events: [] });
    expect(repeated.skipped).toBe(4);

    const status = await importGetRoute(new Request(`http://localhost/api/v1/imports/${result.id}`, { headers: auth(token) }), {
      params: Promise.resolve({ id: String(result.id) }),
    });
    expect(await status.json()).toMatchObject({ state: "COMMITTED", rows: 4, counts: { create: 4 }, page: { total: 4 } });

    const undo = await undoRoute(
      new Request(`http://localhost/api/v1/imports/${result.id}/undo`, {
        method: "POST",
        headers: { ...auth(token), "content-type": "application/json" },
        body: JSON.stringify({ reason: "Imported the wrong file." }),
      }),
      { params: Promise.resolve({ id: String(result.id) }) },
    );
    expect(await undo.json()).toEqual({ id: result.id, retracted: 4 });
    const events = await prisma.accessEvent.findMany({ where: { importId: result.id } });
    expect(events.map((e) => [e.reviewState, e.retractionReason])).toEqual(Array(4).fill(["RETRACTED", "Imported the wrong file."]));
    expect(await prisma.accessEvent.count({ where: { reviewState: "RETRACTED", importId: null, retractionReason: "Imported the wrong file." } })).toBe(0);
    expect((await prisma.presence.findUniqueOrThrow({ where: { id: result.created.presences[0]! } })).status).toBeNull();
    await expectTotalsRecounted();
  });

  it("makes drafts unless the import publishes: they count nowhere until reviewed", async () => {
    const rows = NEW_ROWS.replaceAll("(test row)", "(draft row)");
    const response = await upload(rows, "text/csv");
    const body = (await response.json()) as { id: number; reviewState: string; created: { events: number[] } };
    expect(body.reviewState).toBe("DRAFT");
    expect(await prisma.accessEvent.count({ where: { id: { in: body.created.events }, reviewState: "DRAFT" } })).toBe(4);
    // The new organisation's presence has no status: its events are drafts.
    const org = await prisma.organisation.findFirstOrThrow({ where: { name: "Aid Org From Import" }, include: { presences: true } });
    expect(org.presences.map((p) => p.status)).toEqual([null]); // the import above was undone, and drafts change nothing
  });

  it("writes nothing when one row is bad, and names the line, the column and the form's message", async () => {
    const before = await counts();
    const bad = NEW_ROWS.replace("2025-02-10,day,NER", "2099-02-10,day,NER").replace("Restriction imposed", "Restriction imposed");
    const response = await upload(bad, "text/csv");
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { message: string; rows: { line: number; errors: { field: string; message: string }[] }[] } };
    expect(body.error.rows).toEqual([{ line: 3, errors: [{ field: "Date", message: "Date cannot be in the future" }] }]);
    expect(await counts()).toEqual(before);
    expect(await prisma.import.count({ where: { state: "PREVIEW" } })).toBe(0);
  });

  it("takes the file as multipart/form-data too", async () => {
    const form = new FormData();
    form.append("note", "not a file");
    form.append("file", new Blob([NEW_ROWS], { type: "text/csv" }), "rows.csv");
    const response = await importRoute(new Request("http://localhost/api/v1/imports?dryRun=true", { method: "POST", headers: auth(token), body: form }));
    const body = (await response.json()) as { table: string; rows: { action: string }[] };
    expect(response.status).toBe(200);
    expect(body.table).toBe("events");
    expect(body.rows).toHaveLength(4);
    const empty = new FormData();
    empty.append("note", "no file here");
    const refused = await importRoute(new Request("http://localhost/api/v1/imports", { method: "POST", headers: auth(token), body: empty }));
    expect(refused.status).toBe(415);
  });

  it("reads an XLSX with real dates, and HXL tags in any order of attributes", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Events");
    sheet.addRow(["When", "Where", "Who", "What", "Status", "Sure?", "Text", "Source"]);
    sheet.addRow(["#date +occurred", "#country+code", "#org+name", "#event+type", "#status", "#status +confidence", "#description", "#meta+source"]);
    sheet.addRow([
      new Date(Date.UTC(2025, 0, 20)),
      "NER",
      "ICRC",
      "Readmitted",
      "Operating",
      "Reported",
      "The ICRC is allowed back (XLSX test row).",
      "Test Wire: Back",
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const response = await upload(bytes, XLSX, "?dryRun=true");
    const body = (await response.json()) as { table: string; rows: { action: string; what: string[]; errors: unknown[] }[] };
    expect(body.table).toBe("events");
    expect(body.rows.map((r) => [r.action, r.errors])).toEqual([["create", []]]);
    expect(body.rows[0]!.what.join(" ")).toContain("on 2025-01-20");
  });
});

describe("the mapping step", () => {
  it("asks which column is which for another file's headers, then plans every row again", async () => {
    const file =
      "Partner,Place,When,What,Text,Sure,Ref\r\nAPBE,NER,2025-05-02,Readmitted,APBE may work again in Niger (mapped row).,Confirmed,Test Wire: APBE back\r\n";
    const staged = await stageImport(analyst, {
      name: "partner.csv",
      claimed: "csv",
      body: (async function* () {
        yield new TextEncoder().encode(file);
      })(),
    });
    expect(staged.summary.table).toBeNull();
    await expect(commitImport(analyst, staged.id, {})).rejects.toMatchObject({ code: "invalid_input" });
    const mapped = await remapImport(analyst, staged.id, {
      table: "events",
      mapping: { "0": "organisation", "1": "iso3", "2": "occurredOn", "3": "kind", "4": "summary", "5": "confidence", "6": "sources" },
    });
    expect([mapped.missing, mapped.counts]).toEqual([[], { create: 1, existing: 0, duplicate: 0, error: 0 }]);
    const [row] = (await listImportRows(analyst, staged.id)).rows;
    expect(row!.what.join("; ")).toContain("matched organisation “APBE” by name");
    const committed = await commitImport(analyst, staged.id, { draft: false });
    expect(committed.created.events).toHaveLength(1);
    // A mapping that names a column twice, or another table, is checked like the rest.
    await expect(remapImport(analyst, staged.id, { table: "events", mapping: {} })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(remapImport(analyst, staged.id, { table: "audit", mapping: {} })).rejects.toBeDefined();
  });
});

describe("files that are not what they say", () => {
  const cases: [string, BodyInit, string, RegExp][] = [
    ["an empty file", "", "text/csv", /empty/],
    ["a PDF", new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), "text/csv", /PDF/],
    ["Latin-1 text", new Uint8Array([...Buffer.from("Organisation,Country\r\nCaf"), 0xe9, ...Buffer.from(",Niger\r\n")]), "text/csv", /not UTF-8/],
    ["CSV sent as XLSX", "Organisation,Country\r\nAcme,Niger\r\n", XLSX, /not an Excel workbook/],
    ["a header and no rows", "Organisation,Country\r\n", "text/csv", /no rows/],
    ["values without a header", "12,13\r\n14,15\r\n", "text/csv", /name the columns/],
    ["broken quotes", 'Organisation,Country\r\n"Acme,Niger\r\n', "text/csv", /not valid CSV/],
    ["an old .xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), XLSX, /\.xls/],
  ];
  for (const [name, body, type, message] of cases) {
    it(`refuses ${name} with a clear message and writes nothing`, async () => {
      const before = await counts();
      const response = await upload(body, type);
      expect(response.status).toBe(422);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
      expect(await counts()).toEqual(before);
      expect(await prisma.import.count({ where: { state: "PREVIEW" } })).toBe(0);
    });
  }

  it("answers 413 for a declared size over the limit, 415 for another media type, 403 for a viewer", async () => {
    expect((await upload("x", "text/csv", "", token, { "content-length": String(60 * 1024 * 1024) })).status).toBe(413);
    // Another file's columns, not an export: the preview asks for a mapping; committing it is refused.
    const other = await upload("Partner,Place\r\nAcme,Niger\r\n", "text/csv");
    expect(other.status).toBe(422);
    expect(((await other.json()) as { error: { message: string } }).error.message).toContain("not recognised");
    expect((await upload("{}", "application/json")).status).toBe(415);
    expect((await upload(NEW_ROWS, "text/csv", "", viewerToken)).status).toBe(403);
  });
});

describe("four eyes on an import", () => {
  it("lets someone other than the uploader commit it", async () => {
    process.env.REQUIRE_REVIEW = "true";
    const rows = NEW_ROWS.replaceAll("(test row)", "(four eyes row)");
    const staged = (await (await upload(rows, "text/csv", "?preview=true")).json()) as { id: number };
    const commit = (t: string) =>
      commitRoute(
        new Request(`http://localhost/x`, {
          method: "POST",
          headers: { ...auth(t), "content-type": "application/json" },
          body: JSON.stringify({ draft: false }),
        }),
        {
          params: Promise.resolve({ id: String(staged.id) }),
        },
      );
    const refused = await commit(token);
    expect(refused.status).toBe(403);
    expect(await prisma.accessEvent.count({ where: { importId: staged.id } })).toBe(0);
    const accepted = await commit(secondToken);
    expect(accepted.status).toBe(200);
    const events = await prisma.accessEvent.findMany({ where: { importId: staged.id } });
    expect(events).toHaveLength(4);
    // The uploader is their author, the second analyst their publisher.
    expect(new Set(events.map((e) => [e.authorId, e.reviewState].join()))).toEqual(new Set([`${analyst.id},PUBLISHED`]));
  });
});
