// The ranking's query as SQL (no user check here: lib/data/assessments.ts runs it for a user),
// kept apart so that the benchmark can time the very same statement. $1: the instant, as UTC text.
export const RANKING_SQL = `WITH latest AS (
       SELECT DISTINCT ON (v."assessmentId") v."assessmentId", v.id AS "versionId", v.version, v."publishedAt",
              v."computedLevel", v."overrideLevel", v."overrideReason"
       FROM "AssessmentVersion" v
       -- publishedAt is a UTC timestamp without zone: the instant is sent as UTC text and read as such.
       WHERE v."reviewState" = 'PUBLISHED' AND v."publishedAt" <= ($1::timestamptz AT TIME ZONE 'UTC')
       ORDER BY v."assessmentId", v."publishedAt" DESC, v.version DESC
     ), ranked AS (
       SELECT a.id, a."countryIso3" AS iso3, l.*,
              -- As text: node-postgres would read a DATE at local midnight.
              to_char(a."periodFrom", 'YYYY-MM-DD') AS "periodFrom", to_char(a."periodTo", 'YYYY-MM-DD') AS "periodTo",
              row_number() OVER (PARTITION BY a."countryIso3" ORDER BY a."periodTo" DESC, a.id DESC) AS place
       FROM "Assessment" a JOIN latest l ON l."assessmentId" = a.id
       WHERE a."areaCode" IS NULL
     )
     SELECT r.*, c."nameEn" AS name, to_char(r."publishedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "publishedUtc"
     FROM ranked r JOIN "Country" c ON c.iso3 = r.iso3 WHERE r.place <= 2`;
