// Synthetic benchmark data, generated inside PostgreSQL (INSERT … SELECT over
// generate_series: no row crosses the network) and deterministic from a seed: every random
// choice is a hash of the row number and the seed, so the same seed gives the same rows.
// Every organisation, presence, event, source and assessment is marked synthetic.
import type pg from "pg";
import { CATEGORIES, DEFAULT_CATEGORY } from "../../lib/domain/constraints";
import { EVENT_KINDS } from "../../lib/domain/vocabulary";
import { ALL_AREAS } from "../../lib/domain/areas";
import { allCountries } from "../../prisma/seed-data/countries";
import { REBUILD_MONTH_TOTALS } from "@/lib/data/projections/event-month-totals";
import { REBUILD_PRESENCE_PERIODS } from "@/lib/data/projections/presence-projection-store";
import { REBUILD_STATUS_COUNT_HISTORY } from "@/lib/data/projections/status-count-history";
import { presenceStatusFromEvents } from "@/lib/data/projections/presence-status-sql";
import { generateSyntheticAssessments } from "./synthetic-assessments";

export interface SyntheticSize {
  events: number;
  organisations: number;
  presences: number;
  sources: number;
}

/** The issue's proportions: 1,000,000 events → 20,000 organisations, 60,000 presences. */
export function sizeFor(events: number): SyntheticSize {
  return {
    events,
    organisations: Math.max(20, Math.round(events / 50)),
    presences: Math.max(60, Math.round((events * 6) / 100)),
    sources: Math.max(50, Math.round(events / 10)),
  };
}

export type Progress = (step: string, done: number, total: number) => void;

/**
 * How the rows are spread. uniform: every organisation in about 3 countries, events evenly
 * over the presences. skewed (for checking that no page's cost depends on the spread): 1 %
 * of the organisations hold 60 % of the presences, and 80 % of the events happen in three
 * countries (Niger, Mali, Burkina Faso, by name only: the rows are synthetic).
 */
export type SyntheticShape = "uniform" | "skewed";
export const SYNTHETIC_SHAPES: readonly SyntheticShape[] = ["uniform", "skewed"];
export const HOT_COUNTRIES = ["NER", "MLI", "BFA"];

const CHUNK = 100_000;

/**
 * Each synthetic event's category: its kind's default (lib/domain/constraints.ts), and for
 * "Other" events one of the nine at random, so that every indicator has events to chart.
 */
const SYNTHETIC_CATEGORY = `(CASE kind ${EVENT_KINDS.filter((k) => DEFAULT_CATEGORY[k])
  .map((k) => `WHEN '${k}' THEN '${DEFAULT_CATEGORY[k]}'`)
  .join(
    " ",
  )} WHEN 'OTHER' THEN (ARRAY[${CATEGORIES.map((c) => `'${c}'`).join(",")}])[1 + floor(pg_temp.rnd(i, 20) * ${CATEGORIES.length})::int] END)::"ConstraintCategory"`;

export async function generateSyntheticData(
  client: pg.ClientBase,
  size: SyntheticSize,
  seed: number,
  progress: Progress,
  shape: SyntheticShape = "uniform",
): Promise<void> {
  if (!Number.isInteger(seed) || seed < 0 || seed > 1_000_000) throw new Error("The seed must be an integer from 0 to 1,000,000.");
  const q = (sql: string, values: unknown[] = []) => client.query(sql, values);
  await q("SET max_parallel_workers_per_gather = 0");
  // rnd(i, salt): a uniform number in [0, 1) from the row number, a salt per choice and the seed.
  await q(`CREATE OR REPLACE FUNCTION pg_temp.rnd(i bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
    $$ SELECT (hashint8(i * 7919 + salt::bigint * 1000003 + ${seed}::bigint * 104729)::bigint + 2147483648) / 4294967296.0 $$`);

  progress("clearing", 0, 1);
  await q(
    `TRUNCATE "AssessmentEvidence", "AssessmentIndicator", "AssessmentVersion", "Assessment", "EventSource", "AccessEvent", "Presence", "Organisation", "Source", "AuditEntry", "ApiToken", "TablePreference", "User", "LoginThrottle" RESTART IDENTITY CASCADE`,
  );
  const countries = allCountries();
  await q(
    `INSERT INTO "Country" (iso3, iso2, "nameEn", "nameFr", region, subregion)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) ON CONFLICT DO NOTHING`,
    [
      countries.map((c) => c.iso3),
      countries.map((c) => c.iso2),
      countries.map((c) => c.nameEn),
      countries.map((c) => c.nameFr),
      countries.map((c) => c.region),
      countries.map((c) => c.subregion),
    ],
  );
  progress("clearing", 1, 1);

  progress("organisations", 0, size.organisations);
  await q(
    `
    INSERT INTO "Organisation" (name, acronym, type, "iatiId", website, synthetic, "updatedAt")
    SELECT 'Synthetic ' || (ARRAY['Relief','Aid','Health','Water','Education','Food','Shelter','Rights','Development','Mission'])[1 + floor(pg_temp.rnd(i, 1) * 10)::int]
             || ' Organisation ' || i,
           'SYN' || i,
           (CASE WHEN r < 0.35 THEN 'INGO' WHEN r < 0.70 THEN 'NATIONAL_NGO' WHEN r < 0.75 THEN 'UN_AGENCY' WHEN r < 0.80 THEN 'RED_CROSS_RED_CRESCENT'
                 WHEN r < 0.85 THEN 'INTERGOVERNMENTAL' WHEN r < 0.92 THEN 'GOVERNMENT_MISSION' WHEN r < 0.95 THEN 'FOREIGN_MILITARY' ELSE 'OTHER' END)::"OrganisationType",
           CASE WHEN pg_temp.rnd(i, 3) < 0.5 THEN 'XM-SYN-' || i END,
           NULL, true, now()
    FROM generate_series(1, $1::int) i, LATERAL (SELECT pg_temp.rnd(i, 2) AS r) x
    ORDER BY i`,
    [size.organisations],
  );
  progress("organisations", size.organisations, size.organisations);

  progress("sources", 0, size.sources);
  await q(
    `
    INSERT INTO "Source" (publisher, title, url, "publishedOn", "publishedPrecision", synthetic)
    SELECT (ARRAY['Synthetic Wire','Synthetic Times','Synthetic Radio','Synthetic Agency','Synthetic NGO Forum'])[1 + floor(pg_temp.rnd(i, 4) * 5)::int],
           'Synthetic report ' || i, 'https://synthetic.invalid/reports/' || i,
           least(date '2011-01-01' + floor(pg_temp.rnd(i, 5) * 5800)::int, current_date), 'DAY', true
    FROM generate_series(1, $1::int) i ORDER BY i`,
    [size.sources],
  );
  progress("sources", size.sources, size.sources);

  progress("presences", 0, size.presences);
  // Organisation o's k-th presence is in country (o*37 + k*83) mod n: distinct for each o
  // (83 is prime to the number of countries). Skewed: the first 1 % of the organisations
  // hold 60 % of the presences, spread over as many countries as that takes.
  const heavyOrganisations = shape === "skewed" ? Math.max(1, Math.round(size.organisations / 100)) : 0;
  const heavyPresences = shape === "skewed" ? Math.round(size.presences * 0.6) : 0;
  const perHeavy = Math.max(1, Math.ceil(heavyPresences / Math.max(1, heavyOrganisations)));
  await q(
    `
    WITH c AS (SELECT array_agg(iso3 ORDER BY iso3) AS codes, count(*)::int AS n FROM "Country")
    INSERT INTO "Presence" ("organisationId", "countryIso3", synthetic, "updatedAt")
    SELECT o, c.codes[((o * 37 + k * 83) % c.n) + 1], true, now()
    FROM generate_series(1, $1::int) i, c,
         LATERAL (SELECT CASE WHEN i <= $3 THEN (i - 1) / $5::int + 1 ELSE $4::int + ((i - $3 - 1) % ($2::int - $4::int)) + 1 END AS o,
                         CASE WHEN i <= $3 THEN (i - 1) % $5::int ELSE (i - $3 - 1) / ($2::int - $4::int) END AS k) x
    ORDER BY i`,
    [size.presences, size.organisations, heavyPresences, heavyOrganisations, perHeavy],
  );
  progress("presences", size.presences, size.presences);

  // 95% of events happen to a presence (a history per presence: arrival first, then changes
  // roughly yearly over 15 years); 5% concern a whole country. Skewed: the first 80% of
  // them go to the presences in the three hot countries (a change every few days), as do
  // 80% of the country-wide events.
  const presenceEvents = Math.round(size.events * 0.95);
  const hotEvents = shape === "skewed" ? Math.round(presenceEvents * 0.8) : 0;
  if (hotEvents) {
    const { rows } = await q(`SELECT count(*)::int AS n FROM "Presence" WHERE "countryIso3" = ANY($1::text[])`, [HOT_COUNTRIES]);
    if (!rows[0].n) throw new Error("Too few presences for the skewed shape: ask for more events.");
  }
  progress("events", 0, size.events);
  for (let start = 1; start <= size.events; start += CHUNK) {
    const end = Math.min(size.events, start + CHUNK - 1);
    await q(
      `
      INSERT INTO "AccessEvent" ("presenceId", "countryIso3", kind, category, "resultingStatus", "occurredOn", "datePrecision", summary, "peopleAffected", confidence, "reviewState", "publishedAt", synthetic, "updatedAt")
      SELECT presence_id, country, kind::"EventKind", ${SYNTHETIC_CATEGORY},
             (CASE WHEN presence_id IS NULL THEN NULL
                   WHEN kind IN ('ARRIVAL','RESTRICTION_LIFTED','READMITTED') THEN 'OPERATING'
                   WHEN kind IN ('RESTRICTION_IMPOSED','OPERATIONS_SUSPENDED') THEN 'RESTRICTED'
                   WHEN kind IN ('ORDER_TO_LEAVE','LICENCE_REVOKED','AGREEMENT_TERMINATED','OFFICE_CLOSED','WITHDRAWAL_COMPLETED') THEN 'EXPELLED' END)::"Status",
             CASE precision WHEN 'YEAR' THEN date_trunc('year', day)::date WHEN 'MONTH' THEN date_trunc('month', day)::date ELSE day END,
             precision::"DatePrecision",
             'Synthetic event ' || i || ': ' || lower(replace(kind, '_', ' ')) || '.',
             CASE WHEN pg_temp.rnd(i, 14) < 0.6 THEN floor(pg_temp.rnd(i, 15) * 50000)::int END,
             (CASE WHEN pg_temp.rnd(i, 16) < 0.7 THEN 'CONFIRMED' WHEN pg_temp.rnd(i, 16) < 0.95 THEN 'REPORTED' ELSE 'DISPUTED' END)::"Confidence",
             (CASE WHEN pg_temp.rnd(i, 17) < 0.98 THEN 'PUBLISHED' ELSE 'DRAFT' END)::"ReviewState",
             CASE WHEN pg_temp.rnd(i, 17) < 0.98 THEN now() END,
             true, now()
      FROM (
        SELECT i,
               CASE WHEN i <= $3 THEN p.id END AS presence_id,
               CASE WHEN i <= $3 THEN p."countryIso3"
                    WHEN $5::int > 0 AND pg_temp.rnd(i, 19) < 0.8 THEN ($6::text[])[1 + floor(pg_temp.rnd(i, 11) * cardinality($6::text[]))::int]
                    ELSE c.codes[1 + floor(pg_temp.rnd(i, 11) * c.n)::int] END AS country,
               CASE WHEN i <= $3 AND x.k = 0 AND ($5::int = 0 OR i <= $5 OR NOT p."countryIso3" = ANY($6::text[])) THEN 'ARRIVAL' ELSE
                 (ARRAY['RESTRICTION_IMPOSED','RESTRICTION_IMPOSED','RESTRICTION_IMPOSED','RESTRICTION_IMPOSED','RESTRICTION_LIFTED','RESTRICTION_LIFTED','RESTRICTION_LIFTED',
                        'OPERATIONS_SUSPENDED','OPERATIONS_SUSPENDED','READMITTED','READMITTED','ORDER_TO_LEAVE','ORDER_TO_LEAVE','LICENCE_REVOKED','AGREEMENT_TERMINATED',
                        'OFFICE_CLOSED','WITHDRAWAL_COMPLETED','OTHER','OTHER','OTHER'])[1 + floor(pg_temp.rnd(i, 12) * 20)::int] END AS kind,
               least(date '2011-06-01' + (CASE WHEN i <= $5 THEN floor(x.k * 5600.0 / greatest(1, ceil($5::float8 / hot.n)))::int
                                               WHEN i <= $3 THEN x.k * 330 ELSE floor(pg_temp.rnd(i, 13) * 5600)::int END)
                       + floor(pg_temp.rnd(i, 10) * 300)::int,
                     current_date - 1) AS day,
               CASE WHEN pg_temp.rnd(i, 18) < 0.8 THEN 'DAY' WHEN pg_temp.rnd(i, 18) < 0.95 THEN 'MONTH' ELSE 'YEAR' END AS precision
        FROM generate_series($1::int, $2::int) i
        CROSS JOIN (SELECT array_agg(iso3 ORDER BY iso3) AS codes, count(*)::int AS n FROM "Country") c
        CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids, greatest(count(*), 1)::int AS n FROM "Presence" WHERE "countryIso3" = ANY($6::text[])) hot
        CROSS JOIN LATERAL (SELECT CASE WHEN i <= $5 THEN (i - 1) / hot.n ELSE (i - $5 - 1) / $4::int END AS k,
                                   CASE WHEN i <= $5 THEN hot.ids[((i - 1) % hot.n) + 1] ELSE ((i - $5 - 1) % $4::int) + 1 END AS presence) x
        LEFT JOIN "Presence" p ON i <= $3 AND p.id = x.presence
      ) e
      ORDER BY i`,
      [start, end, presenceEvents, size.presences, hotEvents, HOT_COUNTRIES],
    );
    progress("events", end, size.events);
  }

  progress("event sources", 0, size.events);
  for (let start = 1; start <= size.events; start += CHUNK) {
    const end = Math.min(size.events, start + CHUNK - 1);
    await q(
      `
      INSERT INTO "EventSource" ("eventId", "sourceId", quote)
      SELECT e.id, 1 + ((e.id::bigint * 2654435761 + j * 40503) % $3::int), CASE WHEN j = 1 THEN 'Synthetic quote ' || e.id || '.' END
      FROM "AccessEvent" e CROSS JOIN generate_series(1, 3) j
      WHERE e.id BETWEEN $1 AND $2 AND j <= 1 + (e.id % 3)
      ON CONFLICT DO NOTHING`,
      [start, end, size.sources],
    );
    progress("event sources", end, size.events);
  }

  // Where and whom: every country's areas (as the app ships them); about 30 % of the events in
  // one area of their country and a tenth of those in a second; of the country-wide events,
  // 30 % for every INGO (or every INGO and UN agency) there, 20 % naming two to four of the
  // organisations present in the country.
  progress("areas", 0, size.events);
  await q(`INSERT INTO "Area" (code, "countryIso3", name) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`, [
    ALL_AREAS.map((a) => a.code),
    ALL_AREAS.map((a) => a.iso3),
    ALL_AREAS.map((a) => a.name),
  ]);
  for (let start = 1; start <= size.events; start += CHUNK) {
    const end = Math.min(size.events, start + CHUNK - 1);
    await q(
      `
      WITH a AS (SELECT "countryIso3", array_agg(code ORDER BY code) AS codes, count(*)::int AS n FROM "Area" GROUP BY 1)
      INSERT INTO "EventArea" ("eventId", "areaCode")
      SELECT e.id, a.codes[1 + floor(pg_temp.rnd(e.id, 22 + j) * a.n)::int]
      FROM "AccessEvent" e JOIN a ON a."countryIso3" = e."countryIso3" CROSS JOIN generate_series(0, 1) j
      WHERE e.id BETWEEN $1 AND $2 AND e.category IS NOT NULL AND pg_temp.rnd(e.id, 21) < (CASE WHEN j = 0 THEN 0.3 ELSE 0.03 END)
      ON CONFLICT DO NOTHING`,
      [start, end],
    );
    progress("areas", end, size.events);
  }
  await q(`
    UPDATE "AccessEvent" e SET "organisationTypes" = CASE WHEN pg_temp.rnd(e.id, 25) < 0.5 THEN ARRAY['INGO']::"OrganisationType"[]
                                                          ELSE ARRAY['INGO', 'UN_AGENCY']::"OrganisationType"[] END
    WHERE e."presenceId" IS NULL AND pg_temp.rnd(e.id, 24) < 0.3`);
  await q(`
    INSERT INTO "EventOrganisation" ("eventId", "organisationId")
    SELECT e.id, o."organisationId"
    FROM "AccessEvent" e
    CROSS JOIN LATERAL (SELECT p."organisationId" FROM "Presence" p WHERE p."countryIso3" = e."countryIso3"
                        ORDER BY hashint8(p.id::bigint * 7919 + e.id) LIMIT 2 + floor(pg_temp.rnd(e.id, 27) * 3)::int) o
    WHERE e."presenceId" IS NULL AND pg_temp.rnd(e.id, 24) >= 0.3 AND pg_temp.rnd(e.id, 24) < 0.5
    ON CONFLICT DO NOTHING`);

  progress("current statuses", 0, 1);
  const today = new Date();
  const projection = presenceStatusFromEvents(today);
  await q(
    `WITH ${projection.text.trim()}
     UPDATE "Presence" p SET status = s.status, since = s.since, "sincePrecision" = s.since_precision, "peopleAffected" = s.people_affected,
                        "sinceEventId" = s.since_event_id
     FROM presence_status s WHERE s.presence_id = p.id`,
    projection.values,
  );
  progress("current statuses", 1, 1);
  await q(`DELETE FROM "PresenceStatusPeriod"`);
  await q(REBUILD_PRESENCE_PERIODS.text);
  for (const statement of REBUILD_MONTH_TOTALS) await q(statement.text, statement.values);
  await q(`DELETE FROM "StatusCountPeriod"`);
  await q(REBUILD_STATUS_COUNT_HISTORY.text);
  progress("assessments", 0, 1);
  await generateSyntheticAssessments(client, seed, today);
  progress("assessments", 1, 1);
  // VACUUM as well as ANALYZE: a live database's autovacuum has marked its old pages
  // all-visible, so that index-only scans (the capped draft count, the projections) read no
  // table rows; freshly loaded pages are not marked until a vacuum passes.
  progress("vacuum and analyze", 0, 1);
  await q("VACUUM (ANALYZE)");
  progress("vacuum and analyze", 1, 1);
}
