// CSV and HXL exports written by PostgreSQL's COPY (lib/data/tables/csv-sql.ts) are the same
// bytes as the JavaScript writer's (lib/export/csv.ts) on the same view: on the seeded data
// with cells made to be awkward (quotes, commas, line breaks, formulas, empty texts, accents),
// and on synthetic data; with filters, a search and sorts; and the export route uses COPY.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { exportColumns, TABLE_COLUMNS, type TableName } from "@/lib/domain/tables/columns";
import { TABLES } from "@/lib/domain/tables/descriptors";
import { parseTableQuery } from "@/lib/domain/tables/query";
import { startExport } from "@/lib/data/exports";
import { copyCsvStatementOf, streamTableRows } from "@/lib/data/tables";
import { exportChunks } from "@/lib/export";
import { seedDatabase } from "@/prisma/seed";
import { generateSyntheticData, sizeFor } from "../../scripts/lib/synthetic-data";
import { seedUser } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

process.env.RATE_LIMIT_MULTIPLIER = "1000";

type Params = Record<string, string>;
const COPIED: TableName[] = ["events", "presences", "organisations"];
// Views with each kind of parameter the filters inline into COPY: dates, codes, arrays, numbers, text.
const views = (word: string): Record<string, Params[]> => ({
  events: [
    {},
    { pillar: "HUMANITARIAN_ACCESS_TO_PEOPLE" },
    { q: word, sort: "organisation", dir: "asc" },
    { from: "2023-01-01", to: "2025-06-30", sort: "country" },
  ],
  presences: [{}, { status: "EXPELLED" }, { q: word, sort: "since", dir: "asc" }, { asOf: "2023-08-01" }],
  organisations: [{}, { sort: "expelled", dir: "desc" }, { region: "Africa" }],
});

async function text(chunks: AsyncIterable<string | Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(parts);
}

/** The JavaScript writer's file for a view: every column, as before COPY. */
async function written<T extends TableName>(pool: pg.Pool, actor: Actor, table: T, params: Params, format: "csv" | "hxl"): Promise<Buffer> {
  const query = parseTableQuery(table, { ...params, cols: TABLE_COLUMNS[table].map((c) => c.id).join(",") });
  const columns = exportColumns(table, TABLE_COLUMNS[table], TABLES[table].alwaysExported);
  const client = await pool.connect();
  try {
    return await text(exportChunks(format, table, columns, streamTableRows(actor, query, client)));
  } finally {
    client.release();
  }
}

/** The export route's file (COPY, for these tables). */
async function exported<T extends TableName>(actor: Actor, table: T, params: Params, format: "csv" | "hxl"): Promise<Buffer> {
  const query = parseTableQuery(table, { ...params, cols: TABLE_COLUMNS[table].map((c) => c.id).join(",") });
  const download = await startExport(actor, query, format);
  return Buffer.from(await new Response(download.body).arrayBuffer());
}

/** Compares every view of each table COPY writes, with a search for `word`; the number of files compared. */
async function expectSameBytes(pool: pg.Pool, actor: Actor, word: string) {
  let files = 0;
  for (const table of COPIED) {
    expect(copyCsvStatementOf(actor, parseTableQuery(table, {}), TABLE_COLUMNS[table])).toMatch(/^COPY \(/);
    for (const params of views(word)[table]!) {
      for (const format of ["csv", "hxl"] as const) {
        const before = await written(pool, actor, table, params, format);
        const after = await exported(actor, table, params, format);
        expect(before.toString("utf8").split("\r\n").length, `${table} ${JSON.stringify(params)} has rows`).toBeGreaterThan(format === "hxl" ? 3 : 2);
        if (!after.equals(before))
          expect({ table, params, format, file: after.toString("utf8") }).toEqual({ table, params, format, file: before.toString("utf8") });
        files += 1;
      }
    }
  }
  return files;
}

describe("CSV by COPY, on the seeded data with awkward cells", () => {
  let prisma: PrismaClient;
  let pool: pg.Pool;
  let restore: () => Promise<void>;
  let viewer: Actor;
  let admin: Actor;

  beforeAll(async () => {
    ({ prisma, pool, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
    await seedDatabase(prisma);
    viewer = (await seedUser(prisma, { role: "VIEWER" })).actor;
    admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
    // Cells each rule of the writer acts on: quoting, doubled quotes, CR and LF inside a
    // field, each character that starts a formula, an empty text (not NULL), accents, "\.".
    await prisma.$executeRawUnsafe(`
      UPDATE "AccessEvent" SET summary = CASE id % 6
        WHEN 0 THEN '=HYPERLINK("http://example.org"), said "they"'
        WHEN 1 THEN E'First line\\r\\nsecond line\\nthird, with a comma'
        WHEN 2 THEN '-12 people, +3; @handle'
        WHEN 3 THEN E'\\tTabbed; then \\\\. and a backslash \\\\'
        WHEN 4 THEN 'Niamey: Tillabéri, « guillemets » — ok'
        ELSE summary END`);
    await prisma.$executeRawUnsafe(`UPDATE "Organisation" SET acronym = '' WHERE id = (SELECT min(id) FROM "Organisation")`);
    await prisma.$executeRawUnsafe(
      `UPDATE "Organisation" SET website = '+33 1 23', name = name || ', "quoted"' WHERE id = (SELECT max(id) FROM "Organisation")`,
    );
    await prisma.$executeRawUnsafe(`UPDATE "Source" SET title = E'A title\\nover two lines', url = '' WHERE id = (SELECT min(id) FROM "Source")`);
    await prisma.$executeRawUnsafe(`UPDATE "Area" SET name = name || ', "area"' WHERE code = (SELECT min("areaCode") FROM "EventArea")`);
  });
  afterAll(() => restore());

  it("writes every view of the events, presences and organisations tables to the same bytes as the writer, CSV and HXL", async () => {
    expect(await expectSameBytes(pool, viewer, "Niger")).toBe(22);
  });

  it("leaves the tables with a column COPY cannot write to the writer (audit, assessments)", () => {
    expect(copyCsvStatementOf(admin, parseTableQuery("audit", {}), TABLE_COLUMNS.audit)).toBeNull();
    expect(copyCsvStatementOf(viewer, parseTableQuery("assessments", {}), TABLE_COLUMNS.assessments)).toBeNull();
  });
});

describe("CSV by COPY, on synthetic data", () => {
  let pool: pg.Pool;
  let restore: () => Promise<void>;
  let viewer: Actor;

  beforeAll(async () => {
    const database = useDatabase(await createFreshDatabase(inject("serverUrl")));
    ({ pool, restore } = database);
    const client = await pool.connect();
    await generateSyntheticData(client, sizeFor(4_000), 11, () => {});
    client.release();
    viewer = (await seedUser(database.prisma, { role: "VIEWER" })).actor;
  });
  afterAll(() => restore());

  it("writes the same bytes as the writer on four thousand events", async () => {
    expect(await expectSameBytes(pool, viewer, "Health")).toBe(22);
  });
});
