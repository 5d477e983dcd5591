// Assessments as a table against real PostgreSQL: the page, its filters (level, area, a period
// that overlaps, as of a day), the API paged with a cursor, and the four export formats with
// their HXL tags; a retraction after publication counts in "evidence changed".
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { CATEGORIES, type Category } from "@/lib/domain/constraint-codes";
import type { IndicatorScore } from "@/lib/domain/assessments";
import { createAssessment } from "@/lib/data/assessments";
import { recordConstraint } from "@/lib/data/edits/constraints";
import { retractEvent } from "@/lib/data/edits/events";
import { issueApiToken } from "@/lib/data/api-tokens";
import { listTablePage } from "@/lib/data/tables";
import { parseTableQuery } from "@/lib/domain/tables/query";
import { assessmentItem, listResponse } from "@/lib/api/schemas";
import { GET as listRoute } from "@/app/api/v1/assessments/route";
import { GET as exportRoute } from "@/app/api/v1/export/[table]/route";
import { seedUser } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

process.env.RATE_LIMIT_MULTIPLIER = "1000";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let analyst: Actor;
let viewer: Actor;
let token: string;
const ids = {} as Record<"feb" | "march" | "area" | "mali" | "entry" | "movement", number>;

const indicators = (given: Partial<Record<Category, [IndicatorScore, number[]?]>>) =>
  Object.fromEntries(
    CATEGORIES.map((c) => [
      c,
      { score: c in given ? given[c]![0] : 0, rationale: c in given ? "As cited." : "Nothing reported.", eventIds: given[c]?.[1] ?? [] },
    ]),
  );
const get = (path: string) => new Request(`http://localhost:3000${path}`, { headers: { authorization: `Bearer ${token}` } });
const exportFile = (search: string) => exportRoute(get(`/api/v1/export/assessments?${search}`), { params: Promise.resolve({ table: "assessments" }) });
const page = (params: Record<string, string>) => listTablePage(viewer, parseTableQuery("assessments", params));

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await prisma.country.createMany({
    data: [
      { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" },
      { iso3: "MLI", iso2: "ML", nameEn: "Mali", nameFr: "Mali", region: "Africa" },
    ],
  });
  await prisma.area.create({ data: { code: "NE-6", countryIso3: "NER", name: "Tillabéri" } });
  analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
  viewer = (await seedUser(prisma, { role: "VIEWER" })).actor;
  const admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
  token = (await issueApiToken(admin, { name: "table", email: viewer.email })).token;
  const constraint = async (category: Category, day: string, areas: string[] = []) =>
    (
      await recordConstraint(analyst, "NER", {
        kind: "RESTRICTION_IMPOSED",
        category,
        occurredOn: day,
        datePrecision: "DAY",
        summary: `A constraint of ${day}.`,
        confidence: "REPORTED",
        areas,
        sources: [{ publisher: "Test Wire", title: `Report of ${day}` }],
      })
    ).eventId;
  ids.entry = await constraint("IMPEDIMENTS_TO_ENTRY", "2025-02-10", ["NE-6"]);
  ids.movement = await constraint("MOVEMENT_RESTRICTIONS", "2025-02-12");
  // February: 3 + 3 = 6 of 27 → level 2, one gap (8 scored, carried to nine: 6.75 → 2).
  ids.feb = (
    await createAssessment(analyst, {
      country: "NER",
      from: "2025-02-01",
      to: "2025-02-28",
      indicators: indicators({ IMPEDIMENTS_TO_ENTRY: [3, [ids.entry]], MOVEMENT_RESTRICTIONS: [3, [ids.movement]], EXPLOSIVE_HAZARDS: [null] }),
    })
  ).id;
  // March: 1 → level 1.
  ids.march = (await createAssessment(analyst, { country: "NER", from: "2025-03-01", to: "2025-03-31", indicators: indicators({ INTERFERENCE: [1] }) })).id;
  // Tillabéri in February: 3 → level 1.
  ids.area = (
    await createAssessment(analyst, {
      country: "NER",
      area: "NE-6",
      from: "2025-02-01",
      to: "2025-02-28",
      indicators: indicators({ IMPEDIMENTS_TO_ENTRY: [3, [ids.entry]] }),
    })
  ).id;
  // Mali in January, overridden to 3 with its reason.
  ids.mali = (
    await createAssessment(analyst, {
      country: "MLI",
      from: "2025-01-01",
      to: "2025-01-31",
      indicators: indicators({}),
      override: { level: 3, reason: "Reported by partners, not yet in the record." },
    })
  ).id;
  // A draft is in no table.
  await createAssessment(analyst, { country: "MLI", from: "2025-02-01", to: "2025-02-28", indicators: indicators({}), draft: true });
});
afterAll(async () => restore());

describe("the assessments table", () => {
  it("lists published assessments, latest period first, with their level, area, gaps and evidence", async () => {
    const { rows, total } = await page({});
    expect(total).toBe(4);
    expect(rows.map((r) => r.id)).toEqual([ids.march, ids.area, ids.feb, ids.mali]);
    expect(rows.find((r) => r.id === ids.feb)).toMatchObject({
      countryName: "Niger",
      area: null,
      from: "2025-02-01",
      to: "2025-02-28",
      level: 2,
      computedLevel: 2,
      gaps: 1,
      evidence: 2,
      evidenceChanged: 0,
      scores: { IMPEDIMENTS_TO_ENTRY: 3, MOVEMENT_RESTRICTIONS: 3, EXPLOSIVE_HAZARDS: null, DENIAL_OF_NEEDS: 0 },
    });
    expect(rows.find((r) => r.id === ids.area)).toMatchObject({ area: { code: "NE-6", name: "Tillabéri" }, level: 1 });
    expect(rows.find((r) => r.id === ids.mali)).toMatchObject({
      level: 3,
      computedLevel: 0,
      override: { level: 3, reason: "Reported by partners, not yet in the record." },
    });
  });

  it("filters by level (the stated one), area, a period that overlaps the range, and as of a day", async () => {
    expect((await page({ level: "3" })).rows.map((r) => r.id)).toEqual([ids.mali]);
    expect((await page({ level: "1" })).rows.map((r) => r.id)).toEqual([ids.march, ids.area]);
    expect((await page({ country: "NER", area: "NE-6" })).rows.map((r) => r.id)).toEqual([ids.area]);
    expect((await page({ from: "2025-02-20", to: "2025-03-05" })).rows.map((r) => r.id)).toEqual([ids.march, ids.area, ids.feb]);
    expect((await page({ to: "2025-01-15" })).rows.map((r) => r.id)).toEqual([ids.mali]);
    expect((await page({ sort: "level", dir: "desc" })).rows.map((r) => r.level)).toEqual([3, 2, 1, 1]);
    // Published today: nothing as of a day in 2025.
    expect((await page({ asOf: "2025-12-31" })).total).toBe(0);
  });

  it("counts a cited event retracted after publication as evidence changed", async () => {
    const movement = await prisma.accessEvent.findUniqueOrThrow({ where: { id: ids.movement } });
    await retractEvent(analyst, ids.movement, { version: movement.version, reason: "The report was withdrawn." });
    const feb = (await page({})).rows.find((r) => r.id === ids.feb);
    expect(feb).toMatchObject({ evidence: 2, evidenceChanged: 1 });
  });
});

describe("GET /api/v1/assessments", () => {
  it("pages every assessment with a cursor, each once, in the view's order", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    for (let round = 0; round < 5; round++) {
      const response = await listRoute(get(`/api/v1/assessments?size=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`));
      expect(response.status).toBe(200);
      const body = listResponse(assessmentItem).parse(await response.json());
      seen.push(...body.data.map((a) => a.id));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual([ids.march, ids.area, ids.feb, ids.mali]);
    const filtered = (await (await listRoute(get("/api/v1/assessments?country=NER&area=NE-6"))).json()) as {
      data: { id: number; area: unknown; country: unknown }[];
    };
    expect(filtered.data).toEqual([
      expect.objectContaining({ id: ids.area, area: { code: "NE-6", name: "Tillabéri" }, country: { iso3: "NER", name: "Niger", region: "Africa" } }),
    ]);
    const bad = await listRoute(get("/api/v1/assessments?level=6&cursor=junk"));
    expect(bad.status).toBe(400);
  });
});

describe("assessment exports", () => {
  it("writes HXL with a tag for every indicator and X for an information gap", async () => {
    const response = await exportFile("format=hxl&country=NER&sort=to&dir=asc");
    expect(response.status).toBe(200);
    const [header, tags, ...rows] = parseCsv(await response.text()) as string[][];
    const at = (tag: string) => tags!.indexOf(tag);
    for (const tag of ["#meta+id", "#country+code", "#adm1+code", "#date+start", "#date+end", "#severity+num", "#access+num+entry", "#access+num+explosives"])
      expect(tags, tag).toContain(tag);
    expect(header![at("#severity+num")]).toBe("Access level");
    const feb = rows.find((row) => row[at("#meta+id")] === String(ids.feb))!;
    expect([feb[at("#date+start")], feb[at("#severity+num")], feb[at("#access+num+entry")], feb[at("#access+num+explosives")]]).toEqual([
      "2025-02-01",
      "2",
      "3",
      "X",
    ]);
    expect(rows.find((row) => row[at("#meta+id")] === String(ids.area))![at("#adm1+code")]).toBe("NE-6");
  });

  it("writes CSV, JSON and XLSX of the same rows, the XLSX with its About sheet naming the levels", async () => {
    const csv = parseCsv(await (await exportFile("format=csv&cols=country,level")).text(), { columns: true }) as Record<string, string>[];
    expect(csv.map((r) => r["Assessment id"])).toEqual([ids.march, ids.area, ids.feb, ids.mali].map(String));
    const json = (await (await exportFile("format=json&level=3")).json()) as Record<string, unknown>[];
    expect(json).toEqual([expect.objectContaining({ id: ids.mali, iso3: "MLI", level: 3, overrideReason: "Reported by partners, not yet in the record." })]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await (await exportFile("format=xlsx")).arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Assessments", "About"]);
    const sheet = workbook.getWorksheet("Assessments")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(sheet.getRow(2).getCell(header.indexOf("Access level") + 1).value).toBe(1);
    const about: unknown[][] = [];
    workbook.getWorksheet("About")!.eachRow((row) => about.push((row.values as unknown[]).slice(1)));
    expect(about).toContainEqual(["Extreme constraints", "5"]);
  });
});
