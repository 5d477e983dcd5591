// Synthetic access assessments for the benchmark: every country assessed country-wide for each
// of the last 36 complete months, one published version each, marked synthetic. The scores are
// deterministic from the seed (a country's own level of constraint, drifting month to month,
// with an information gap now and then); the level comes from lib/domain/assessments.ts, the
// app's one rule; each scored indicator cites up to three of the month's published events of
// its category in that country. No such assessment exists anywhere else: they are labelled.
import type pg from "pg";
import { accessLevel, type IndicatorScore, type IndicatorScores } from "../../lib/domain/assessments";
import { CATEGORIES } from "../../lib/domain/constraint-codes";

export const SYNTHETIC_ASSESSMENT_MONTHS = 36;

/** A number in [0, 1) from the seed and the choice's coordinates (FNV-1a, then a mix). */
function unit(seed: number, ...parts: number[]): number {
  let h = 0x811c9dc5 ^ seed;
  for (const part of parts) {
    h = Math.imul(h ^ part, 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
  }
  return (h >>> 0) / 4294967296;
}

/** The first day of each of the last `months` complete months before `today`, oldest first. */
export function assessedMonths(today: Date, months = SYNTHETIC_ASSESSMENT_MONTHS): { from: Date; to: Date }[] {
  return Array.from({ length: months }, (_, i) => {
    const back = months - i;
    const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));
    const to = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back + 1, 0));
    return { from, to };
  });
}

export function syntheticScores(seed: number, country: number, month: number): IndicatorScores {
  const base = unit(seed, country, 0);
  const drift = (unit(seed, country, month + 1) - 0.5) * 0.3;
  return Object.fromEntries(
    CATEGORIES.map((category, i) => {
      if (unit(seed, country, month + 1, i + 1, 1) < 0.04) return [category, null];
      const raw = (base + drift) * 3.4 + (unit(seed, country, month + 1, i + 1, 2) - 0.5) * 1.6;
      return [category, Math.max(0, Math.min(3, Math.round(raw))) as IndicatorScore];
    }),
  ) as IndicatorScores;
}

export async function generateSyntheticAssessments(client: pg.ClientBase, seed: number, now = new Date()): Promise<number> {
  const q = (sql: string, values: unknown[] = []) => client.query(sql, values);
  // Made again from scratch: the synthetic database's assessments (and their changes) only.
  await q(`DELETE FROM "Assessment" WHERE synthetic`);
  await q(`DELETE FROM "DataChange" WHERE "entityType" = 'Assessment' AND NOT EXISTS (SELECT 1 FROM "Assessment" a WHERE a.id = "entityId")`);
  const { rows: countries } = await q(`SELECT iso3 FROM "Country" ORDER BY iso3`);
  const months = assessedMonths(now);
  const rows = countries.flatMap(({ iso3 }: { iso3: string }, c: number) =>
    months.map((period, m) => {
      const scores = syntheticScores(seed, c, m);
      // Published a few days after the month, never in the future.
      const publishedAt = new Date(Math.min(period.to.getTime() + 3.5 * 86_400_000, now.getTime() - 60_000));
      return { iso3, period, scores, level: accessLevel(scores).computed, publishedAt };
    }),
  );
  const { rows: assessments } = await q(
    `INSERT INTO "Assessment" ("countryIso3", "periodFrom", "periodTo", synthetic)
     SELECT * FROM unnest($1::text[], $2::date[], $3::date[], $4::boolean[]) RETURNING id`,
    [
      rows.map((r) => r.iso3),
      rows.map((r) => r.period.from.toISOString().slice(0, 10)),
      rows.map((r) => r.period.to.toISOString().slice(0, 10)),
      rows.map(() => true),
    ],
  );
  // publishedAt is a UTC timestamp without zone: written as UTC text.
  const { rows: versions } = await q(
    `INSERT INTO "AssessmentVersion" ("assessmentId", version, "reviewState", "computedLevel", "publishedAt")
     SELECT id, 1, 'PUBLISHED', level, published FROM unnest($1::int[], $2::int[], $3::timestamp[]) AS t(id, level, published)
     RETURNING id, "assessmentId"`,
    [assessments.map((a: { id: number }) => a.id), rows.map((r) => r.level), rows.map((r) => r.publishedAt.toISOString().replace("T", " ").replace("Z", ""))],
  );
  const versionOf = new Map(versions.map((v: { id: number; assessmentId: number }) => [v.assessmentId, v.id]));
  const indicators = rows.flatMap((r, i) =>
    CATEGORIES.map((category) => ({ versionId: versionOf.get(assessments[i].id)!, category, score: r.scores[category] })),
  );
  await q(
    `INSERT INTO "AssessmentIndicator" ("versionId", category, score, rationale)
     SELECT v, c::"ConstraintCategory", s, CASE WHEN s IS NULL THEN 'Synthetic: no information.' ELSE 'Synthetic score for the benchmark.' END
     FROM unnest($1::int[], $2::text[], $3::int[]) AS t(v, c, s)`,
    [indicators.map((i) => i.versionId), indicators.map((i) => i.category), indicators.map((i) => i.score)],
  );
  // Evidence: up to three of the month's published events of the indicator's category, found
  // in one pass over the months assessed (a lookup per indicator would take minutes at 1,000,000 events).
  await q(
    `WITH ev AS (
       SELECT e.id, e.version, e.category, e."countryIso3" AS iso3, date_trunc('month', e."occurredOn")::date AS month,
              row_number() OVER (PARTITION BY e."countryIso3", e.category, date_trunc('month', e."occurredOn") ORDER BY e."occurredOn" DESC, e.id DESC) AS n
       FROM "AccessEvent" e
       WHERE e."reviewState" = 'PUBLISHED' AND e.category IS NOT NULL AND e."occurredOn" >= $1::date
     )
     INSERT INTO "AssessmentEvidence" ("versionId", category, "eventId", "eventVersion", "eventCategory")
     SELECT i."versionId", i.category, ev.id, ev.version, ev.category
     FROM "AssessmentIndicator" i
     JOIN "AssessmentVersion" v ON v.id = i."versionId"
     JOIN "Assessment" a ON a.id = v."assessmentId" AND a.synthetic
     JOIN ev ON ev.iso3 = a."countryIso3" AND ev.category = i.category AND ev.month = a."periodFrom" AND ev.n <= 3
     WHERE i.score > 0`,
    [months[0]!.from.toISOString().slice(0, 10)],
  );
  return rows.length;
}
