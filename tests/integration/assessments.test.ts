// Access assessments against real PostgreSQL: the evidence proposed for each indicator is
// exactly the published events of its category, country, area and period; cited events are
// checked; levels follow the rule; an edit is a new version and "as of" picks the one
// published by then; a retraction, correction or recategorisation after publication flags it;
// roles and four eyes hold.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { CATEGORIES, type Category } from "@/lib/domain/constraint-codes";
import type { IndicatorScore } from "@/lib/domain/assessments";
import {
  assessmentRanking,
  createAssessment,
  editAssessment,
  getAssessment,
  listAssessments,
  proposeEvidence,
  publishAssessment,
} from "@/lib/data/assessments";
import { recordConstraint } from "@/lib/data/edits/constraints";
import { editEvent, retractEvent } from "@/lib/data/edits/events";
import { ForbiddenError, RuleError } from "@/lib/domain/errors";
import { issueApiToken } from "@/lib/data/api-tokens";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/assessments/route";
import { GET as itemRoute } from "@/app/api/v1/assessments/[id]/route";
import { GET as evidenceRoute } from "@/app/api/v1/assessments/evidence/route";
import { seedUser } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let analyst: Actor;
let reviewer: Actor;
let viewer: Actor;
const ids = {} as Record<"entry" | "entryEarlier" | "january" | "movement" | "mali" | "draft" | "noCategory" | "retracted", number>;

const constraint = async (iso3: string, category: Category | null, day: string, extra: Record<string, unknown> = {}) =>
  (
    await recordConstraint(analyst, iso3, {
      kind: "RESTRICTION_IMPOSED",
      category,
      occurredOn: day,
      datePrecision: "DAY",
      summary: `A constraint of ${day}.`,
      confidence: "REPORTED",
      sources: [{ publisher: "Test Wire", title: `Report of ${day}` }],
      ...extra,
    })
  ).eventId;

/** Nine indicators: the given scores and events, 0 and none elsewhere. */
const indicators = (given: Partial<Record<Category, [IndicatorScore, number[]?]>> = {}) =>
  Object.fromEntries(
    CATEGORIES.map((c) => [
      c,
      { score: given[c]?.[0] ?? 0, rationale: given[c] ? "As the cited events show." : "Nothing reported.", eventIds: given[c]?.[1] ?? [] },
    ]),
  );

const february = { country: "NER", from: "2025-02-01", to: "2025-02-28" };

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await prisma.country.createMany({
    data: [
      { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" },
      { iso3: "MLI", iso2: "ML", nameEn: "Mali", nameFr: "Mali", region: "Africa" },
    ],
  });
  await prisma.area.createMany({
    data: [
      { code: "NE-6", countryIso3: "NER", name: "Tillabéri" },
      { code: "NE-8", countryIso3: "NER", name: "Niamey" },
    ],
  });
  analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
  reviewer = (await seedUser(prisma, { role: "ANALYST" })).actor;
  viewer = (await seedUser(prisma, { role: "VIEWER" })).actor;
  ids.entry = await constraint("NER", "IMPEDIMENTS_TO_ENTRY", "2025-02-10", { areas: ["NE-6"] });
  ids.entryEarlier = await constraint("NER", "IMPEDIMENTS_TO_ENTRY", "2025-02-03");
  ids.january = await constraint("NER", "IMPEDIMENTS_TO_ENTRY", "2025-01-15");
  ids.movement = await constraint("NER", "MOVEMENT_RESTRICTIONS", "2025-02-20", { areas: ["NE-8"] });
  ids.mali = await constraint("MLI", "IMPEDIMENTS_TO_ENTRY", "2025-02-12");
  ids.draft = await constraint("NER", "IMPEDIMENTS_TO_ENTRY", "2025-02-05", { draft: true });
  ids.noCategory = await constraint("NER", null, "2025-02-06");
  ids.retracted = await constraint("NER", "IMPEDIMENTS_TO_ENTRY", "2025-02-07");
  await retractEvent(analyst, ids.retracted, { version: 1, reason: "Never happened, the source corrected itself." });
});

afterAll(async () => {
  await restore?.();
});

describe("assessments", () => {
  it("proposes exactly the published events of each indicator's category, country, area and period, most recent first", async () => {
    const country = await proposeEvidence(viewer, { country: "NER", from: new Date("2025-02-01"), to: new Date("2025-02-28") });
    expect(country.IMPEDIMENTS_TO_ENTRY.map((e) => e.id)).toEqual([ids.entry, ids.entryEarlier]);
    expect(country.MOVEMENT_RESTRICTIONS.map((e) => e.id)).toEqual([ids.movement]);
    expect(CATEGORIES.filter((c) => country[c].length > 0).sort()).toEqual(["IMPEDIMENTS_TO_ENTRY", "MOVEMENT_RESTRICTIONS"]);
    const area = await proposeEvidence(viewer, { country: "NER", area: "NE-6", from: new Date("2025-02-01"), to: new Date("2025-02-28") });
    expect(area.IMPEDIMENTS_TO_ENTRY.map((e) => e.id)).toEqual([ids.entry]);
    expect(area.MOVEMENT_RESTRICTIONS).toEqual([]);
  });

  it("refuses evidence the proposals would not list, writing nothing", async () => {
    const before = await prisma.assessment.count();
    for (const [category, eventId] of [
      ["IMPEDIMENTS_TO_ENTRY", ids.mali],
      ["IMPEDIMENTS_TO_ENTRY", ids.january],
      ["IMPEDIMENTS_TO_ENTRY", ids.draft],
      ["IMPEDIMENTS_TO_ENTRY", ids.retracted],
      ["MOVEMENT_RESTRICTIONS", ids.entry],
    ] as [Category, number][]) {
      await expect(createAssessment(analyst, { ...february, indicators: indicators({ [category]: [2, [eventId]] }) })).rejects.toBeInstanceOf(RuleError);
    }
    await expect(createAssessment(analyst, { ...february, indicators: { IMPEDIMENTS_TO_ENTRY: { score: 2, rationale: "Only one." } } })).rejects.toThrow();
    await expect(createAssessment(analyst, { ...february, to: "2025-01-01", indicators: indicators() })).rejects.toThrow();
    await expect(createAssessment(viewer, { ...february, indicators: indicators() })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma.assessment.count()).toBe(before);
  });

  it("computes the level by the rule, keeps every version, and shows as of a date the version published by then", async () => {
    // 3 + 2 + 1 = 6 of 27 → level 2.
    const first = await createAssessment(analyst, {
      ...february,
      indicators: indicators({ IMPEDIMENTS_TO_ENTRY: [3, [ids.entry, ids.entryEarlier]], MOVEMENT_RESTRICTIONS: [2, [ids.movement]], INTERFERENCE: [1] }),
    });
    expect(first).toMatchObject({ version: 1, reviewState: "PUBLISHED", computedLevel: 2, level: 2 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const between = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // 3 + 3 + 3 + 3 = 12 → level 3; and a stale version is refused.
    const second = await editAssessment(analyst, first.id, {
      version: 1,
      indicators: indicators({
        IMPEDIMENTS_TO_ENTRY: [3, [ids.entry]],
        MOVEMENT_RESTRICTIONS: [3, [ids.movement]],
        VIOLENCE_AGAINST_PERSONNEL: [3],
        INSECURITY_HOSTILITIES: [3],
      }),
    });
    expect(second).toMatchObject({ version: 2, computedLevel: 3, level: 3 });
    await expect(editAssessment(analyst, first.id, { version: 1, indicators: indicators() })).rejects.toMatchObject({ code: "conflict" });

    const then = await listAssessments(viewer, { country: "NER", asOf: between });
    expect(then.find((a) => a.id === first.id)).toMatchObject({ version: 1, level: 2 });
    const now = await listAssessments(viewer, { country: "NER" });
    expect(now.find((a) => a.id === first.id)).toMatchObject({ version: 2, level: 3, scores: { VIOLENCE_AGAINST_PERSONNEL: 3, DENIAL_OF_NEEDS: 0 } });
    expect((await listAssessments(viewer, { country: "NER", level: 3 })).map((a) => a.id)).toContain(first.id);
    expect((await listAssessments(viewer, { country: "NER", level: 2 })).map((a) => a.id)).not.toContain(first.id);
    expect(await listAssessments(viewer, { country: "NER", asOf: new Date("2020-01-01") })).toEqual([]);
    const view = await getAssessment(viewer, first.id);
    expect(view?.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(view?.versions[1]?.indicators.find((i) => i.category === "IMPEDIMENTS_TO_ENTRY")?.evidence.map((e) => e.id)).toEqual([ids.entry, ids.entryEarlier]);
  });

  it("states an override with its reason, and an information gap leaves the rule's level open past three gaps", async () => {
    const gaps = Object.fromEntries(CATEGORIES.map((c, i) => [c, { score: i < 4 ? null : 1, rationale: i < 4 ? "No information." : "Low.", eventIds: [] }]));
    const open = await createAssessment(analyst, { ...february, indicators: gaps, override: { level: 4, reason: "Expulsions of February, not yet scored." } });
    expect(open).toMatchObject({ computedLevel: null, level: 4 });
    const view = await getAssessment(viewer, open.id);
    expect(view?.versions[0]).toMatchObject({ computedLevel: null, override: { level: 4, reason: "Expulsions of February, not yet scored." }, level: 4 });
    expect(view?.versions[0]?.indicators.filter((i) => i.score === null)).toHaveLength(4);
  });

  it("says that the evidence changed since publication: retracted, corrected, recategorised", async () => {
    const a = await createAssessment(analyst, {
      ...february,
      indicators: indicators({ IMPEDIMENTS_TO_ENTRY: [2, [ids.entryEarlier]], MOVEMENT_RESTRICTIONS: [2, [ids.movement]] }),
    });
    expect((await getAssessment(viewer, a.id))?.versions[0]?.evidenceChanged).toEqual([]);
    const earlier = await prisma.accessEvent.findUniqueOrThrow({ where: { id: ids.entryEarlier } });
    await retractEvent(analyst, ids.entryEarlier, { version: earlier.version, reason: "Duplicate of another report." });
    const movement = await prisma.accessEvent.findUniqueOrThrow({ where: { id: ids.movement } });
    await editEvent(analyst, ids.movement, { version: movement.version, summary: "Movements restricted around Niamey, corrected." });
    const changed = (await getAssessment(viewer, a.id))?.versions[0]?.evidenceChanged;
    expect(changed).toEqual([
      { eventId: ids.entryEarlier, category: "IMPEDIMENTS_TO_ENTRY", change: "retracted" },
      { eventId: ids.movement, category: "MOVEMENT_RESTRICTIONS", change: "corrected" },
    ]);
    const again = await prisma.accessEvent.findUniqueOrThrow({ where: { id: ids.movement } });
    await editEvent(analyst, ids.movement, { version: again.version, category: "INTERFERENCE" });
    expect((await getAssessment(viewer, a.id))?.versions[0]?.evidenceChanged.find((e) => e.eventId === ids.movement)?.change).toBe("recategorised");
  });

  it("keeps drafts from viewers and lists, and with four eyes on has someone else publish", async () => {
    process.env.REQUIRE_REVIEW = "true";
    try {
      const draft = await createAssessment(analyst, {
        country: "MLI",
        from: "2025-02-01",
        to: "2025-02-28",
        indicators: indicators({ IMPEDIMENTS_TO_ENTRY: [1, [ids.mali]] }),
      });
      expect(draft.reviewState).toBe("DRAFT");
      expect(await getAssessment(viewer, draft.id)).toBeNull();
      expect((await getAssessment(analyst, draft.id))?.versions[0]?.reviewState).toBe("DRAFT");
      expect((await listAssessments(viewer, { country: "MLI" })).map((a) => a.id)).not.toContain(draft.id);
      await expect(publishAssessment(analyst, draft.id, { version: 1 })).rejects.toMatchObject({ reason: "fourEyes" });
      await expect(publishAssessment(viewer, draft.id, { version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
      expect(await publishAssessment(reviewer, draft.id, { version: 1 })).toMatchObject({ reviewState: "PUBLISHED", level: 1 });
      expect((await listAssessments(viewer, { country: "MLI" })).map((a) => a.id)).toContain(draft.id);
      await expect(publishAssessment(reviewer, draft.id, { version: 1 })).rejects.toBeInstanceOf(RuleError);
    } finally {
      delete process.env.REQUIRE_REVIEW;
    }
    const audit = await prisma.auditEntry.findMany({ where: { entityType: "Assessment" }, orderBy: { id: "asc" }, select: { action: true } });
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(["assessment.create", "assessment.edit", "assessment.publish"]));
  });

  it("answers the API: 201 with the computed level, 422 naming a bad field, 403 for a viewer, the list by level and as of a day", async () => {
    const admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
    const token = async (who: Actor) => (await issueApiToken(admin, { name: "assessments", email: who.email })).token;
    const [analystToken, viewerToken] = [await token(analyst), await token(viewer)];
    const post = (bearer: string, body: unknown) =>
      createRoute(
        new Request("http://localhost:3000/api/v1/assessments", {
          method: "POST",
          headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({}) },
      );
    const body = { country: "NER", area: "NE-6", from: "2025-02-01", to: "2025-02-28", indicators: indicators({ IMPEDIMENTS_TO_ENTRY: [3, [ids.entry]] }) };
    const created = await post(analystToken, body);
    expect(created.status).toBe(201);
    const answer = (await created.json()) as { id: number; computedLevel: number; level: number; reviewState: string };
    expect(answer).toMatchObject({ computedLevel: 1, level: 1, reviewState: "PUBLISHED" }); // 3 of 27 → 1
    const bad = await post(analystToken, { ...body, indicators: { ...body.indicators, INTERFERENCE: { score: 4, rationale: "Too high." } } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { issues: { param: string }[] } }).error.issues[0]?.param).toBe("indicators.INTERFERENCE.score");
    expect((await post(viewerToken, body)).status).toBe(403);
    const get = (path: string) => new Request(`http://localhost:3000${path}`, { headers: { authorization: `Bearer ${viewerToken}` } });
    const listed = (await (await listRoute(get("/api/v1/assessments?country=NER&level=1&asOf=2099-01-01"))).json()) as { data: { id: number; area: string }[] };
    expect(listed.data.map((a) => a.id)).toContain(answer.id);
    const before = (await (await listRoute(get("/api/v1/assessments?country=NER&asOf=2020-01-01"))).json()) as { data: unknown[] };
    expect(before.data).toEqual([]);
    expect((await listRoute(get("/api/v1/assessments?level=9"))).status).toBe(400);
    const one = await itemRoute(get(`/api/v1/assessments/${answer.id}`), { params: Promise.resolve({ id: String(answer.id) }) });
    expect(((await one.json()) as { area: string; versions: unknown[] }).area).toBe("NE-6");
    expect((await itemRoute(get("/api/v1/assessments/999999"), { params: Promise.resolve({ id: "999999" }) })).status).toBe(404);
    const proposed = (await (await evidenceRoute(get("/api/v1/assessments/evidence?country=NER&area=NE-6&from=2025-02-01&to=2025-02-28"))).json()) as {
      indicators: Record<string, { id: number }[]>;
    };
    expect(proposed.indicators.IMPEDIMENTS_TO_ENTRY?.map((e) => e.id)).toEqual([ids.entry]);
    expect((await evidenceRoute(get("/api/v1/assessments/evidence?country=NER"))).status).toBe(400);
  });

  it("ranks countries by their latest country-wide level, with the level before it", async () => {
    // Mali: February at level 1 (the four-eyes test); March: 3 + 3 + 3 + 3 + 3 = 15 → ⌈2.78⌉ = 3.
    await createAssessment(analyst, {
      country: "MLI",
      from: "2025-03-01",
      to: "2025-03-31",
      indicators: indicators({
        IMPEDIMENTS_TO_ENTRY: [3],
        MOVEMENT_RESTRICTIONS: [3],
        INTERFERENCE: [3],
        VIOLENCE_AGAINST_PERSONNEL: [3],
        INSECURITY_HOSTILITIES: [3],
      }),
    });
    const ranking = await assessmentRanking(viewer);
    const mali = ranking.find((r) => r.iso3 === "MLI");
    expect(mali).toMatchObject({ name: "Mali", previousLevel: 1, latest: { level: 3, to: "2025-03-31" } });
    const levels = ranking.map((r) => r.latest.level ?? -1);
    expect(levels).toEqual([...levels].sort((a, b) => b - a));
    expect(ranking.every((r) => r.latest.area === null)).toBe(true);
    expect(await assessmentRanking(viewer, new Date("2020-01-01"))).toEqual([]);
    // The same instant as the list gives, whatever the server's time zone (run with TZ=America/New_York too).
    const listed = (await listAssessments(viewer, { country: "MLI" }))[0]!;
    expect(mali?.latest.publishedAt).toBe(listed.publishedAt);
  });
});
