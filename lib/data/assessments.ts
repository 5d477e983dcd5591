import "server-only";
// Access assessments: the evidence the app proposes for each indicator, writing an assessment
// (a new one, or a new version of one), publishing a draft (four eyes when REQUIRE_REVIEW is
// on), and reading them: the list as of a date, and one with every version and what changed
// in its evidence since it was published.
import { db, TRANSACTION_OPTIONS, type Tx } from "@/lib/db";
import { readDb, readPool } from "./read-routing";
import { requireReview } from "@/lib/env";
import { authorize, type Actor } from "@/lib/domain/actor";
import { can } from "@/lib/domain/permissions";
import { accessLevel, statedLevel, type AccessLevel, type IndicatorScore, type IndicatorScores } from "@/lib/domain/assessments";
import { assessmentEditSchema, assessmentSchema, MAX_EVIDENCE_PER_INDICATOR, type AssessmentEditInput } from "@/lib/domain/assessment-input";
import { CATEGORIES, type Category } from "@/lib/domain/constraint-codes";
import { AppError, ForbiddenError, NotFoundError, RuleError } from "@/lib/domain/errors";
import { mayPublish, newEventState } from "@/lib/domain/review";
import { isoDate } from "@/lib/domain/partial-date";
import { z } from "zod";
import { recordAudit } from "./audit";
import { RANKING_SQL } from "./assessments-sql";

export interface EvidenceEvent {
  id: number;
  occurredOn: string;
  datePrecision: string;
  summary: string;
  organisationName: string | null;
}

export interface EvidenceQuery {
  country: string;
  area?: string | null;
  from: Date;
  to: Date;
}

/** The events that may support an indicator: published, of its category, in the country (and the area), in the period. */
function evidenceWhere(query: EvidenceQuery) {
  return {
    countryIso3: query.country,
    reviewState: "PUBLISHED" as const,
    parentEventId: null,
    category: { not: null },
    occurredOn: { gte: query.from, lte: query.to },
    ...(query.area ? { areas: { some: { areaCode: query.area } } } : {}),
  };
}

/** For each of the nine indicators, the published events an analyst may cite, most recent first. */
export async function proposeEvidence(actor: Actor | null, query: EvidenceQuery): Promise<Record<Category, EvidenceEvent[]>> {
  authorize(actor, "read");
  const events = await db().accessEvent.findMany({
    where: evidenceWhere(query),
    orderBy: [{ occurredOn: "desc" }, { id: "desc" }],
    take: CATEGORIES.length * MAX_EVIDENCE_PER_INDICATOR * 4,
    select: {
      id: true,
      category: true,
      occurredOn: true,
      datePrecision: true,
      summary: true,
      presence: { select: { organisation: { select: { name: true } } } },
    },
  });
  const proposals = Object.fromEntries(CATEGORIES.map((c) => [c, [] as EvidenceEvent[]])) as Record<Category, EvidenceEvent[]>;
  for (const event of events) {
    const list = proposals[event.category as Category];
    if (list.length < MAX_EVIDENCE_PER_INDICATOR) {
      list.push({
        id: event.id,
        occurredOn: isoDate(event.occurredOn),
        datePrecision: event.datePrecision,
        summary: event.summary,
        organisationName: event.presence?.organisation.name ?? null,
      });
    }
  }
  return proposals;
}

type Indicators = AssessmentEditInput["indicators"];

/** Every cited event must be one the proposals could list for its indicator; the snapshot of each as it is now. */
async function checkedEvidence(tx: Tx, query: EvidenceQuery, indicators: Indicators) {
  const cited = CATEGORIES.flatMap((category) => indicators[category].eventIds.map((eventId) => ({ category, eventId })));
  const found = await tx.accessEvent.findMany({
    where: { id: { in: cited.map((c) => c.eventId) }, ...evidenceWhere(query) },
    select: { id: true, category: true, version: true },
  });
  const byId = new Map(found.map((event) => [event.id, event]));
  for (const { category, eventId } of cited) {
    const event = byId.get(eventId);
    if (!event || event.category !== category) {
      throw new RuleError(
        `Event ${eventId} cannot support this indicator: only published events of its category, in the country${query.area ? " and area" : ""}, within the period, may.`,
        `indicators.${category}.eventIds`,
      );
    }
  }
  return cited.map(({ category, eventId }) => ({ category, eventId, eventVersion: byId.get(eventId)!.version, eventCategory: byId.get(eventId)!.category }));
}

const scoresOf = (indicators: Indicators) => Object.fromEntries(CATEGORIES.map((c) => [c, indicators[c].score as IndicatorScore])) as IndicatorScores;

/** Writes one version (its indicators and their evidence); published at once unless a draft is asked for or four eyes are on. */
async function writeVersion(
  tx: Tx,
  user: Actor,
  assessmentId: number,
  version: number,
  query: EvidenceQuery,
  input: { indicators: Indicators; override?: { level: AccessLevel; reason: string } | null; draft?: boolean },
) {
  const evidence = await checkedEvidence(tx, query, input.indicators);
  const { computed } = accessLevel(scoresOf(input.indicators));
  const reviewState = newEventState(input.draft, requireReview());
  const now = new Date();
  const row = await tx.assessmentVersion.create({
    data: {
      assessmentId,
      version,
      reviewState,
      computedLevel: computed,
      overrideLevel: input.override?.level ?? null,
      overrideReason: input.override?.reason ?? null,
      authorId: user.id,
      ...(reviewState === "PUBLISHED" ? { publishedAt: now, publishedById: user.id } : {}),
      indicators: {
        create: CATEGORIES.map((category) => ({ category, score: input.indicators[category].score, rationale: input.indicators[category].rationale })),
      },
    },
  });
  if (evidence.length) await tx.assessmentEvidence.createMany({ data: evidence.map((e) => ({ versionId: row.id, ...e })) });
  return { versionId: row.id, version, reviewState, computedLevel: computed, level: statedLevel(computed, input.override ?? null) };
}

export interface WrittenAssessment {
  id: number;
  version: number;
  versionId: number;
  reviewState: "DRAFT" | "PUBLISHED";
  computedLevel: AccessLevel | null;
  level: AccessLevel | null;
}

/** A new assessment (POST /api/v1/assessments): analysts and admins. */
export async function createAssessment(actor: Actor | null, input: unknown): Promise<WrittenAssessment> {
  const user = authorize(actor, "editEvents");
  const data = assessmentSchema.parse(input);
  const country = await db().country.findUnique({ where: { iso3: data.country }, select: { iso3: true } });
  if (!country) throw new RuleError(`No country has the code ${data.country}.`, "country");
  if (data.area) {
    const area = await db().area.findUnique({ where: { code: data.area }, select: { countryIso3: true } });
    if (!area || area.countryIso3 !== data.country) throw new RuleError(`${data.area} is not an area of ${data.country}.`, "area");
  }
  const query = { country: data.country, area: data.area ?? null, from: data.from, to: data.to };
  return db().$transaction(async (tx) => {
    const assessment = await tx.assessment.create({ data: { countryIso3: query.country, areaCode: query.area, periodFrom: query.from, periodTo: query.to } });
    const written = await writeVersion(tx, user, assessment.id, 1, query, data);
    await recordAudit(tx, {
      actorId: user.id,
      action: "assessment.create",
      entityType: "Assessment",
      entityId: String(assessment.id),
      after: { ...auditOf(query, written), override: data.override ?? null },
    });
    return { id: assessment.id, ...written };
  }, TRANSACTION_OPTIONS);
}

const auditOf = (query: EvidenceQuery, written: { version: number; reviewState: string; computedLevel: number | null; level: number | null }) => ({
  country: query.country,
  area: query.area ?? null,
  from: isoDate(query.from),
  to: isoDate(query.to),
  version: written.version,
  reviewState: written.reviewState,
  computedLevel: written.computedLevel,
  level: written.level,
});

/** The assessment, locked for this transaction, with its latest version. */
async function claimAssessment(tx: Tx, id: number) {
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Assessment" WHERE id = ${id} FOR UPDATE`;
  if (!locked.length) throw new NotFoundError("The assessment");
  const assessment = await tx.assessment.findUniqueOrThrow({
    where: { id },
    include: { versions: { orderBy: { version: "desc" }, take: 1 } },
  });
  return { assessment, latest: assessment.versions[0]! };
}

const staleVersion = () =>
  new AppError(
    "conflict",
    "Someone saved a newer version of this assessment after you opened it. Nothing was saved: open it again, then re-apply your change.",
  );

/** An edit is a new version; the earlier ones stay as they were. */
export async function editAssessment(actor: Actor | null, id: number, input: unknown): Promise<WrittenAssessment> {
  const user = authorize(actor, "editEvents");
  const data = assessmentEditSchema.parse(input);
  return db().$transaction(async (tx) => {
    const { assessment, latest } = await claimAssessment(tx, id);
    if (latest.version !== data.version) throw staleVersion();
    const query = { country: assessment.countryIso3, area: assessment.areaCode, from: assessment.periodFrom, to: assessment.periodTo };
    const written = await writeVersion(tx, user, id, latest.version + 1, query, data);
    await recordAudit(tx, {
      actorId: user.id,
      action: "assessment.edit",
      entityType: "Assessment",
      entityId: String(id),
      before: { version: latest.version, level: statedLevel(latest.computedLevel as AccessLevel | null, overrideOf(latest)) },
      after: { ...auditOf(query, written), override: data.override ?? null },
    });
    return { id, ...written };
  }, TRANSACTION_OPTIONS);
}

const overrideOf = (row: { overrideLevel: number | null; overrideReason: string | null }) =>
  row.overrideLevel === null ? null : { level: row.overrideLevel as AccessLevel, reason: row.overrideReason ?? "" };

const publishSchema = z.strictObject({ version: assessmentEditSchema.shape.version });

/**
 * Publishes the latest version, a draft, by someone other than its author when REQUIRE_REVIEW is
 * on. Its evidence is recorded as it reads at publication, so later changes to it show.
 */
export async function publishAssessment(actor: Actor | null, id: number, input: unknown): Promise<WrittenAssessment> {
  const user = authorize(actor, "editEvents");
  const { version } = publishSchema.parse(input);
  return db().$transaction(async (tx) => {
    const { latest } = await claimAssessment(tx, id);
    if (latest.version !== version) throw staleVersion();
    if (latest.reviewState !== "DRAFT") throw new RuleError("This version is already published.");
    if (!mayPublish(latest.authorId, user.id, requireReview())) throw new ForbiddenError("fourEyes");
    const cited = await tx.assessmentEvidence.findMany({ where: { versionId: latest.id }, include: { event: { select: { version: true, category: true } } } });
    for (const e of cited) {
      await tx.assessmentEvidence.update({
        where: { versionId_category_eventId: { versionId: e.versionId, category: e.category, eventId: e.eventId } },
        data: { eventVersion: e.event.version, eventCategory: e.event.category },
      });
    }
    await tx.assessmentVersion.update({ where: { id: latest.id }, data: { reviewState: "PUBLISHED", publishedAt: new Date(), publishedById: user.id } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "assessment.publish",
      entityType: "Assessment",
      entityId: String(id),
      before: { version, reviewState: "DRAFT" },
      after: { version, reviewState: "PUBLISHED", authorId: latest.authorId },
    });
    const computedLevel = latest.computedLevel as AccessLevel | null;
    return { id, version, versionId: latest.id, reviewState: "PUBLISHED", computedLevel, level: statedLevel(computedLevel, overrideOf(latest)) };
  }, TRANSACTION_OPTIONS);
}

/** What became of a cited event since the version was published. */
export type EvidenceChange = "retracted" | "corrected" | "recategorised";

export interface AssessmentVersionView {
  version: number;
  reviewState: "DRAFT" | "PUBLISHED";
  computedLevel: AccessLevel | null;
  override: { level: AccessLevel; reason: string } | null;
  level: AccessLevel | null;
  author: string | null;
  createdAt: string;
  publishedAt: string | null;
  indicators: {
    category: Category;
    score: IndicatorScore;
    rationale: string;
    evidence: (EvidenceEvent & { changed: EvidenceChange | null })[];
  }[];
  /** For a published version: the cited events that were retracted, corrected or recategorised since. */
  evidenceChanged: { eventId: number; category: Category; change: EvidenceChange }[];
}

export interface AssessmentView {
  id: number;
  country: string;
  area: string | null;
  from: string;
  to: string;
  versions: AssessmentVersionView[];
}

/** One assessment with its versions, newest first (drafts only for those who may edit); null when unknown. */
export async function getAssessment(actor: Actor | null, id: number): Promise<AssessmentView | null> {
  const user = authorize(actor, "read");
  if (!Number.isSafeInteger(id)) return null;
  const assessment = await readDb(actor).assessment.findUnique({
    where: { id },
    include: {
      versions: {
        where: can(user.role, "editEvents") ? {} : { reviewState: "PUBLISHED" },
        orderBy: { version: "desc" },
        include: {
          author: { select: { name: true } },
          indicators: {
            include: {
              evidence: {
                include: {
                  event: {
                    select: {
                      id: true,
                      occurredOn: true,
                      datePrecision: true,
                      summary: true,
                      version: true,
                      category: true,
                      reviewState: true,
                      presence: { select: { organisation: { select: { name: true } } } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!assessment || assessment.versions.length === 0) return null;
  return {
    id: assessment.id,
    country: assessment.countryIso3,
    area: assessment.areaCode,
    from: isoDate(assessment.periodFrom),
    to: isoDate(assessment.periodTo),
    versions: assessment.versions.map((v) => {
      const published = v.reviewState === "PUBLISHED";
      const indicators = CATEGORIES.map((category) => {
        const row = v.indicators.find((i) => i.category === category);
        return {
          category,
          score: (row?.score ?? null) as IndicatorScore,
          rationale: row?.rationale ?? "",
          evidence: (row?.evidence ?? []).map((e) => {
            const change: EvidenceChange | null = !published
              ? null
              : e.event.reviewState === "RETRACTED"
                ? "retracted"
                : e.event.category !== e.eventCategory
                  ? "recategorised"
                  : e.event.version > e.eventVersion
                    ? "corrected"
                    : null;
            return {
              id: e.event.id,
              occurredOn: isoDate(e.event.occurredOn),
              datePrecision: e.event.datePrecision,
              summary: e.event.summary,
              organisationName: e.event.presence?.organisation.name ?? null,
              changed: change,
            };
          }),
        };
      });
      const computedLevel = v.computedLevel as AccessLevel | null;
      const override = overrideOf(v);
      return {
        version: v.version,
        reviewState: v.reviewState as "DRAFT" | "PUBLISHED",
        computedLevel,
        override,
        level: statedLevel(computedLevel, override),
        author: v.author?.name ?? null,
        createdAt: v.createdAt.toISOString(),
        publishedAt: v.publishedAt?.toISOString() ?? null,
        indicators,
        evidenceChanged: indicators.flatMap((i) => i.evidence.flatMap((e) => (e.changed ? [{ eventId: e.id, category: i.category, change: e.changed }] : []))),
      };
    }),
  };
}

export interface AssessmentListQuery {
  country?: string;
  level?: AccessLevel;
  /** Assessments whose period overlaps this range. */
  from?: Date;
  to?: Date;
  /** The latest version published on or before this instant (default: now). */
  asOf?: Date;
}

export interface AssessmentListItem {
  id: number;
  country: string;
  area: string | null;
  from: string;
  to: string;
  version: number;
  publishedAt: string;
  computedLevel: AccessLevel | null;
  override: { level: AccessLevel; reason: string } | null;
  level: AccessLevel | null;
  scores: Record<Category, IndicatorScore>;
}

/** Published assessments as they stood at `asOf` (each at its latest version published by then), latest period first. */
export async function listAssessments(actor: Actor | null, query: AssessmentListQuery = {}): Promise<AssessmentListItem[]> {
  authorize(actor, "read");
  const asOf = query.asOf ?? new Date();
  const assessments = await readDb(actor).assessment.findMany({
    where: {
      ...(query.country ? { countryIso3: query.country } : {}),
      ...(query.from ? { periodTo: { gte: query.from } } : {}),
      ...(query.to ? { periodFrom: { lte: query.to } } : {}),
      versions: { some: { reviewState: "PUBLISHED", publishedAt: { lte: asOf } } },
    },
    orderBy: [{ periodTo: "desc" }, { id: "desc" }],
    take: 1_000,
    include: {
      versions: {
        where: { reviewState: "PUBLISHED", publishedAt: { lte: asOf } },
        orderBy: [{ publishedAt: "desc" }, { version: "desc" }],
        take: 1,
        include: { indicators: true },
      },
    },
  });
  return assessments
    .map((a) => {
      const v = a.versions[0]!;
      const computedLevel = v.computedLevel as AccessLevel | null;
      const override = overrideOf(v);
      return {
        id: a.id,
        country: a.countryIso3,
        area: a.areaCode,
        from: isoDate(a.periodFrom),
        to: isoDate(a.periodTo),
        version: v.version,
        publishedAt: v.publishedAt!.toISOString(),
        computedLevel,
        override,
        level: statedLevel(computedLevel, override),
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, (v.indicators.find((i) => i.category === c)?.score ?? null) as IndicatorScore])) as Record<
          Category,
          IndicatorScore
        >,
      };
    })
    .filter((item) => query.level === undefined || item.level === query.level);
}

/** Assessments of a country whose latest version is a draft, for those who may publish them. */
export async function listDraftAssessments(
  actor: Actor | null,
  country: string,
): Promise<{ id: number; version: number; from: string; to: string; authorId: number | null }[]> {
  authorize(actor, "editEvents");
  const assessments = await db().assessment.findMany({
    where: { countryIso3: country },
    include: { versions: { orderBy: { version: "desc" }, take: 1 } },
    orderBy: { id: "desc" },
    take: 50,
  });
  return assessments
    .filter((a) => a.versions[0]?.reviewState === "DRAFT")
    .map((a) => ({ id: a.id, version: a.versions[0]!.version, from: isoDate(a.periodFrom), to: isoDate(a.periodTo), authorId: a.versions[0]!.authorId }));
}

export interface RankedCountry {
  iso3: string;
  name: string;
  latest: AssessmentListItem;
  previousLevel: AccessLevel | null | undefined;
}

/**
 * Countries by access level as of a date, like ACAPS's overview: each country's latest
 * country-wide assessment published by then, with the level of the one before it; the most
 * constrained first (a country with no level, too many gaps, last). One query, whatever the
 * number of assessments: each assessment's latest version published by then, then each
 * country's two latest periods.
 */
export async function assessmentRanking(actor: Actor | null, asOf = new Date()): Promise<RankedCountry[]> {
  authorize(actor, "read");
  const { rows } = await readPool(actor).query<{
    id: number;
    iso3: string;
    name: string;
    periodFrom: string;
    periodTo: string;
    version: number;
    versionId: number;
    publishedUtc: string;
    computedLevel: number | null;
    overrideLevel: number | null;
    overrideReason: string | null;
    place: string;
  }>(RANKING_SQL, [asOf.toISOString()]);
  const firsts = rows.filter((r) => Number(r.place) === 1);
  const scores = await readDb(actor).assessmentIndicator.findMany({ where: { versionId: { in: firsts.map((r) => r.versionId) } } });
  const previous = new Map(rows.filter((r) => Number(r.place) === 2).map((r) => [r.iso3, statedLevel(r.computedLevel as AccessLevel | null, overrideOf(r))]));
  return firsts
    .map((r) => {
      const computedLevel = r.computedLevel as AccessLevel | null;
      const override = overrideOf(r);
      const own = scores.filter((i) => i.versionId === r.versionId);
      return {
        iso3: r.iso3,
        name: r.name,
        previousLevel: previous.has(r.iso3) ? previous.get(r.iso3) : undefined,
        latest: {
          id: r.id,
          country: r.iso3,
          area: null,
          from: r.periodFrom,
          to: r.periodTo,
          version: r.version,
          publishedAt: r.publishedUtc,
          computedLevel,
          override,
          level: statedLevel(computedLevel, override),
          scores: Object.fromEntries(CATEGORIES.map((c) => [c, (own.find((i) => i.category === c)?.score ?? null) as IndicatorScore])) as Record<
            Category,
            IndicatorScore
          >,
        },
      };
    })
    .sort((a, b) => (b.latest.level ?? -1) - (a.latest.level ?? -1) || a.name.localeCompare(b.name, "en"));
}

/** Each ranked country's level, for the world map; countries without one are absent. */
export function levelsByCountry(ranked: readonly RankedCountry[]): Record<string, number> {
  return Object.fromEntries(ranked.flatMap((r) => (r.latest.level === null ? [] : [[r.iso3, r.latest.level]])));
}
