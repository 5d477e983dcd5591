// The synthetic generator: deterministic, every row marked synthetic, never into a database
// with real rows; and on its random histories the SQL status rule agrees with projectPresence().
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectPresence } from "@/lib/domain/presence-projection";
import { listTablePage } from "@/lib/data/tables";
import { parseTableQuery } from "@/lib/domain/tables/query";
import { assertOnlySynthetic } from "../../scripts/lib/synthetic-database";
import { generateSyntheticData, HOT_COUNTRIES, sizeFor } from "../../scripts/lib/synthetic-data";
import { seedUser } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

const size = sizeFor(3_000);
let client: pg.Client;
let url: string;

async function fingerprint(): Promise<string> {
  const { rows } = await client.query<{ digest: string }>(`
    SELECT md5(string_agg(concat_ws('|', id, "presenceId", "countryIso3", kind, "resultingStatus", "occurredOn", "datePrecision", "peopleAffected", confidence, "reviewState"), ',' ORDER BY id)) AS digest
    FROM "AccessEvent"`);
  return rows[0]!.digest;
}

beforeAll(async () => {
  url = await createFreshDatabase(inject("serverUrl"));
  client = new pg.Client({ connectionString: url });
  await client.connect();
});
afterAll(() => client.end());

describe("synthetic data", () => {
  it("makes the requested rows, all marked synthetic, with several sources per event", async () => {
    await generateSyntheticData(client, size, 7, () => {});
    const { rows } = await client.query(`
      SELECT (SELECT count(*)::int FROM "AccessEvent") AS events, (SELECT count(*)::int FROM "Organisation") AS organisations,
             (SELECT count(*)::int FROM "Presence") AS presences, (SELECT count(*)::int FROM "Country") AS countries,
             (SELECT count(*)::int FROM "AccessEvent" WHERE NOT synthetic) + (SELECT count(*)::int FROM "Organisation" WHERE NOT synthetic)
               + (SELECT count(*)::int FROM "Presence" WHERE NOT synthetic) + (SELECT count(*)::int FROM "Source" WHERE NOT synthetic) AS unmarked,
             (SELECT round(avg(n), 1)::float FROM (SELECT count(*) AS n FROM "EventSource" GROUP BY "eventId") s) AS sources_per_event,
             (SELECT count(DISTINCT kind)::int FROM "AccessEvent") AS kinds, (SELECT count(DISTINCT "datePrecision")::int FROM "AccessEvent") AS precisions,
             (SELECT count(DISTINCT confidence)::int FROM "AccessEvent") AS confidences, (SELECT max("occurredOn") < current_date FROM "AccessEvent") AS all_past`);
    expect(rows[0]).toMatchObject({
      events: 3_000,
      organisations: size.organisations,
      presences: size.presences,
      unmarked: 0,
      kinds: 11,
      precisions: 3,
      confidences: 3,
      all_past: true,
    });
    expect(rows[0].countries).toBeGreaterThan(240);
    expect(rows[0].sources_per_event).toBeGreaterThanOrEqual(1.8);
  });

  it("assesses every country for each of the last 36 months, labelled synthetic, each level by the app's rule and every citation a match", async () => {
    const { rows } = await client.query(`
      SELECT (SELECT count(*)::int FROM "Assessment") AS assessments, (SELECT count(*)::int FROM "Assessment" WHERE NOT synthetic) AS unmarked,
             (SELECT count(*)::int FROM "Country") AS countries, (SELECT count(DISTINCT "periodFrom")::int FROM "Assessment") AS months,
             (SELECT max("periodTo") < date_trunc('month', current_date) FROM "Assessment") AS complete_months,
             (SELECT count(*)::int FROM "AssessmentVersion" WHERE "reviewState" <> 'PUBLISHED' OR "publishedAt" > now() AT TIME ZONE 'UTC') AS unpublished,
             (SELECT count(*)::int FROM "AssessmentIndicator") AS indicators, (SELECT count(*)::int FROM "AssessmentIndicator" WHERE score IS NULL) AS gaps,
             (SELECT count(DISTINCT "computedLevel")::int FROM "AssessmentVersion") AS levels,
             (SELECT count(*)::int FROM "AssessmentEvidence") AS cited,
             (SELECT count(*)::int FROM "AssessmentEvidence" x JOIN "AccessEvent" e ON e.id = x."eventId" JOIN "AssessmentVersion" v ON v.id = x."versionId"
                JOIN "Assessment" a ON a.id = v."assessmentId"
              WHERE e.category <> x.category OR e."countryIso3" <> a."countryIso3" OR e."occurredOn" NOT BETWEEN a."periodFrom" AND a."periodTo") AS mismatched`);
    expect(rows[0]).toMatchObject({ unmarked: 0, months: 36, complete_months: true, unpublished: 0, mismatched: 0 });
    expect(rows[0].assessments).toBe(rows[0].countries * 36);
    expect(rows[0].indicators).toBe(rows[0].assessments * 9);
    expect(rows[0].gaps).toBeGreaterThan(0);
    expect(rows[0].levels).toBeGreaterThanOrEqual(4);
    expect(rows[0].cited).toBeGreaterThan(0);
    // The stored level is the rule's, recomputed here from the stored scores by hand-checked cases of the rule.
    const { rows: sample } = await client.query<{ level: number | null; scores: (number | null)[] }>(`
      SELECT v."computedLevel" AS level, array_agg(i.score ORDER BY i.category) AS scores
      FROM "AssessmentVersion" v JOIN "AssessmentIndicator" i ON i."versionId" = v.id GROUP BY v.id ORDER BY v.id LIMIT 200`);
    for (const { level, scores } of sample) {
      const scored = scores.filter((s): s is number => s !== null);
      const expected = scored.length < 6 ? null : Math.ceil(((scored.reduce((a, b) => a + b, 0) * 9) / scored.length) * (5 / 27) - 1e-9);
      expect(level, JSON.stringify(scores)).toBe(expected);
    }
  });

  it("places events in areas of their own country, and scopes country-wide constraints to types or named organisations there", async () => {
    const { rows } = await client.query(`
      SELECT (SELECT count(DISTINCT "eventId")::float FROM "EventArea") / (SELECT count(*) FROM "AccessEvent" WHERE category IS NOT NULL) AS located,
             (SELECT count(*)::int FROM "EventArea" ea JOIN "AccessEvent" e ON e.id = ea."eventId" JOIN "Area" a ON a.code = ea."areaCode"
               WHERE a."countryIso3" <> e."countryIso3") AS wrong_country,
             (SELECT count(*)::int FROM "AccessEvent" WHERE "presenceId" IS NULL AND cardinality("organisationTypes") > 0) AS by_type,
             (SELECT count(DISTINCT "eventId")::int FROM "EventOrganisation") AS by_name,
             (SELECT count(*)::int FROM "EventOrganisation" eo JOIN "AccessEvent" e ON e.id = eo."eventId"
               WHERE e."presenceId" IS NOT NULL OR NOT EXISTS (SELECT 1 FROM "Presence" p WHERE p."organisationId" = eo."organisationId" AND p."countryIso3" = e."countryIso3")) AS not_present`);
    expect(rows[0].located).toBeGreaterThan(0.25);
    expect(rows[0].located).toBeLessThan(0.35);
    expect(rows[0]).toMatchObject({ wrong_country: 0, not_present: 0 });
    expect(rows[0].by_type).toBeGreaterThan(10);
    expect(rows[0].by_name).toBeGreaterThan(5);
  });

  it("gives the same rows for the same seed, and other rows for another", async () => {
    const first = await fingerprint();
    await generateSyntheticData(client, size, 7, () => {});
    expect(await fingerprint()).toBe(first);
    await generateSyntheticData(client, size, 8, () => {});
    expect(await fingerprint()).not.toBe(first);
  });

  it("agrees with the domain projection on random histories, today and in the past", async () => {
    const database = useDatabase(url);
    try {
      const { actor } = await seedUser(database.prisma, { role: "VIEWER" });
      for (const asOf of ["2016-03-15", "2022-07-01", undefined]) {
        const page = await listTablePage(actor, parseTableQuery("presences", { size: "200", sort: "since", ...(asOf ? { asOf } : {}) }));
        const ids = page.rows.map((r) => r.id);
        const events = await database.prisma.accessEvent.findMany({ where: { presenceId: { in: ids } } });
        for (const row of page.rows) {
          const expected = projectPresence(
            events.filter((e) => e.presenceId === row.id),
            asOf ? new Date(`${asOf}T00:00:00Z`) : undefined,
          );
          expect([row.status, row.since, row.sincePrecision, row.peopleAffected], `presence ${row.id} as of ${asOf}`).toEqual([
            expected.status,
            expected.since?.toISOString().slice(0, 10),
            expected.sincePrecision,
            expected.peopleAffected,
          ]);
        }
      }
    } finally {
      await database.restore();
    }
  });

  it("can spread the rows unevenly: a few organisations with most presences, most events in three countries", async () => {
    const skewed = sizeFor(20_000);
    await generateSyntheticData(client, skewed, 7, () => {}, "skewed");
    const { rows } = await client.query(
      `
      SELECT (SELECT count(*)::int FROM "AccessEvent") AS events,
             (SELECT count(*)::int FROM "Presence") AS presences,
             (SELECT round(100.0 * count(*) FILTER (WHERE "countryIso3" = ANY($1)) / count(*))::int FROM "AccessEvent") AS hot_event_share,
             (SELECT round(100.0 * sum(n) / (SELECT count(*) FROM "Presence"))::int FROM (
                SELECT count(*) AS n FROM "Presence" GROUP BY "organisationId" ORDER BY n DESC LIMIT $2) top) AS top_org_presence_share,
             (SELECT count(*)::int FROM (SELECT "presenceId" FROM "AccessEvent" WHERE kind = 'ARRIVAL' AND "presenceId" IS NOT NULL GROUP BY 1 HAVING count(*) > 1) d) AS double_arrivals,
             (SELECT max("occurredOn") < current_date FROM "AccessEvent") AS all_past`,
      [HOT_COUNTRIES, Math.round(skewed.organisations / 100)],
    );
    expect(rows[0]).toMatchObject({ events: 20_000, presences: skewed.presences, double_arrivals: 0, all_past: true });
    expect(rows[0].hot_event_share).toBeGreaterThanOrEqual(75);
    expect(rows[0].top_org_presence_share).toBeGreaterThanOrEqual(59);
  });

  it("refuses a database that holds real rows", async () => {
    const real = new pg.Client({ connectionString: inject("databaseUrl") }); // the seeded Niger data
    await real.connect();
    try {
      await expect(assertOnlySynthetic(real)).rejects.toThrow(/not synthetic/);
    } finally {
      await real.end();
    }
  });
});
