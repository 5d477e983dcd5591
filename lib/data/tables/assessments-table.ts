// The assessments table: every assessment (country-wide or of an area) at its latest version
// published by the end of the view date, latest period first. Drafts are not in it.
import { Prisma } from "@/lib/generated/prisma/client";
import type { TableQuery } from "@/lib/domain/tables/query";
import type { AssessmentRow } from "@/lib/domain/tables/rows";
import { CATEGORIES, type Category } from "@/lib/domain/constraint-codes";
import { statedLevel, type AccessLevel, type IndicatorScore } from "@/lib/domain/assessments";
import { isoDate } from "@/lib/domain/partial-date";
import type { TableDefinition } from "./table-sql";

const LEVEL = Prisma.sql`coalesce(l."overrideLevel", l."computedLevel")`;

export function assessmentsTable(query: TableQuery): TableDefinition {
  const { filters } = query;
  const conditions: Prisma.Sql[] = [];
  if (filters.country) conditions.push(Prisma.sql`a."countryIso3" = ${filters.country}`);
  if (filters.region) conditions.push(Prisma.sql`c.region = ${filters.region}`);
  if (filters.area) conditions.push(Prisma.sql`a."areaCode" = ${filters.area}`);
  if (filters.level !== undefined) conditions.push(Prisma.sql`${LEVEL} = ${filters.level}`);
  // A date range finds the assessments whose period overlaps it.
  if (filters.from) conditions.push(Prisma.sql`a."periodTo" >= ${isoDate(filters.from)}::date`);
  if (filters.to) conditions.push(Prisma.sql`a."periodFrom" <= ${isoDate(filters.to)}::date`);
  return {
    // publishedAt is a UTC timestamp without zone, compared with the end of the as-of day in UTC.
    ctes: Prisma.sql`latest AS (
      SELECT DISTINCT ON (v."assessmentId") v."assessmentId", v.id AS "versionId", v.version, v."publishedAt",
             v."computedLevel", v."overrideLevel", v."overrideReason"
      FROM "AssessmentVersion" v
      WHERE v."reviewState" = 'PUBLISHED' AND v."publishedAt" < ${isoDate(query.asOf)}::date + 1
      ORDER BY v."assessmentId", v."publishedAt" DESC, v.version DESC
    )`,
    select: Prisma.sql`a.id, a."countryIso3" AS iso3, c."nameEn" AS country_name, c.region, a."areaCode" AS area_code, ar.name AS area_name,
      to_char(a."periodFrom", 'YYYY-MM-DD') AS period_from, to_char(a."periodTo", 'YYYY-MM-DD') AS period_to,
      l.version, to_char(l."publishedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS published_at,
      l."computedLevel" AS computed_level, l."overrideLevel" AS override_level, l."overrideReason" AS override_reason,
      ind.scores, ev.evidence, ev.evidence_changed`,
    from: Prisma.sql`FROM "Assessment" a JOIN latest l ON l."assessmentId" = a.id
      JOIN "Country" c ON c.iso3 = a."countryIso3" LEFT JOIN "Area" ar ON ar.code = a."areaCode"`,
    // The nine scores and the evidence counts of the rows shown only.
    selectJoins: Prisma.sql`CROSS JOIN LATERAL (
        SELECT jsonb_object_agg(i.category::text, i.score) AS scores FROM "AssessmentIndicator" i WHERE i."versionId" = l."versionId"
      ) ind
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS evidence,
          count(*) FILTER (WHERE e."reviewState" = 'RETRACTED' OR e.category IS DISTINCT FROM x."eventCategory" OR e.version > x."eventVersion")::int AS evidence_changed
        FROM "AssessmentEvidence" x JOIN "AccessEvent" e ON e.id = x."eventId" WHERE x."versionId" = l."versionId"
      ) ev`,
    conditions,
    id: Prisma.sql`a.id`,
    sortKeys: {
      country: { expr: Prisma.sql`c."nameEn" COLLATE "und-x-icu"`, type: "text" },
      to: { expr: Prisma.sql`a."periodTo"`, type: "date" },
      // No level (too many gaps) sorts below level 0.
      level: { expr: Prisma.sql`coalesce(${LEVEL}, -1)`, type: "int" },
      publishedAt: { expr: Prisma.sql`l."publishedAt"`, type: "timestamp" },
    },
  };
}

export function toAssessmentRow(r: Record<string, unknown>): AssessmentRow {
  const stored = (r.scores ?? {}) as Partial<Record<Category, number | null>>;
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, (stored[c] ?? null) as IndicatorScore])) as Record<Category, IndicatorScore>;
  const computedLevel = r.computed_level as AccessLevel | null;
  const override = r.override_level === null ? null : { level: r.override_level as AccessLevel, reason: (r.override_reason as string | null) ?? "" };
  return {
    id: r.id as number,
    countryIso3: r.iso3 as string,
    countryName: r.country_name as string,
    region: r.region as string,
    area: r.area_code ? { code: r.area_code as string, name: (r.area_name as string | null) ?? (r.area_code as string) } : null,
    from: r.period_from as string,
    to: r.period_to as string,
    version: r.version as number,
    publishedAt: r.published_at as string,
    computedLevel,
    override,
    level: statedLevel(computedLevel, override),
    scores,
    gaps: CATEGORIES.filter((c) => scores[c] === null).length,
    evidence: r.evidence as number,
    evidenceChanged: r.evidence_changed as number,
  };
}
