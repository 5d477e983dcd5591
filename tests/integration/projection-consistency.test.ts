// The stored status projection (the Presence row's status, since, precision, people affected
// and first event of the run), which the current view reads instead of recomputing from a
// million events, must always equal a from-scratch recomputation: after random sequences of
// status changes (many backdated), event corrections (date, status, publication) and
// retractions, compared with both the SQL over the events and the domain rule in TypeScript.
// Likewise the monthly event totals behind the overview's charts, and the status counters
// (current and over time) behind its figures, charts and map.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { changeStatus } from "@/lib/data/edits/status-change";
import { editEvent, retractEvent } from "@/lib/data/edits/events";
import { DASHBOARD_SQL, FROM_EVENTS, readsMonthTotals } from "@/lib/data/dashboard-sql";
import { REBUILD_PRESENCE_PERIODS } from "@/lib/data/projections/presence-projection-store";
import { REBUILD_STATUS_COUNT_HISTORY } from "@/lib/data/projections/status-count-history";
import { updateOrganisation } from "@/lib/data/edits/organisations";
import { summariseStatusCounts, type StatusCountRow } from "@/lib/domain/aggregations";
import { ORGANISATION_TYPES } from "@/lib/domain/vocabulary";
import { presenceStatusFromEvents, presenceStatusFromPeriods, presenceStatusFromProjection } from "@/lib/data/projections/presence-status-sql";
import { parseView, withChartWindow } from "@/lib/domain/view";
import { projectPresence } from "@/lib/domain/presence-projection";
import { isoDate } from "@/lib/domain/partial-date";
import { Prisma } from "@/lib/generated/prisma/client";
import { seedUser, unique } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let analyst: Actor;

const STATUSES = ["OPERATING", "RESTRICTED", "EXPELLED"] as const;
const KIND_FOR = { OPERATING: "READMITTED", RESTRICTED: "RESTRICTION_IMPOSED", EXPELLED: "ORDER_TO_LEAVE" } as const;

// Dates within a few years before a fixed day in the past, so that backdating is common,
// future dates never occur, and a seed replays the same run on any day.
const REFERENCE_DAY = Date.UTC(2026, 10, 1);
const day = fc.integer({ min: 1, max: 1500 }).map((daysAgo) => isoDate(new Date(REFERENCE_DAY - daysAgo * 86_400_000)));
// A failure prints its seed (fast-check reports it); FC_SEED=<seed> replays that run.
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31);
const operation = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant("change" as const),
      presence: fc.nat(),
      status: fc.constantFrom(...STATUSES),
      on: day,
      precision: fc.constantFrom("DAY", "MONTH", "YEAR"),
      people: fc.option(fc.integer({ min: 0, max: 50_000 })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("edit" as const),
      event: fc.nat(),
      on: fc.option(day),
      status: fc.option(fc.constantFrom(...STATUSES)),
      people: fc.option(fc.option(fc.integer({ min: 0, max: 50_000 }))),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("retract" as const), event: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("retype" as const), presence: fc.nat(), type: fc.constantFrom(...ORGANISATION_TYPES) }) },
);

/** The status counters' open rows (the current counts), and the same recounted from the Presence rows. */
const currentCounters = () => prisma.$queryRaw<unknown[]>`
  SELECT "countryIso3", "organisationType"::text, status::text, presences FROM "StatusCountPeriod" WHERE "validUntil" IS NULL ORDER BY 1, 2, 3`;
const recountedCounters = () => prisma.$queryRaw<unknown[]>`
  SELECT p."countryIso3", o.type::text AS "organisationType", p.status::text, count(*)::int AS presences
  FROM "Presence" p JOIN "Organisation" o ON o.id = p."organisationId" WHERE p.status IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

/** The counters' whole history equals the one-statement rebuild that bulk loads and the migration use. */
async function expectCounterHistoryToEqualRebuild() {
  const history = () => prisma.$queryRaw<unknown[]>`
    SELECT "countryIso3", "organisationType"::text, status::text, "validFrom"::text, "validUntil"::text, presences
    FROM "StatusCountPeriod" ORDER BY 1, 2, 3, 4`;
  const stored = await history();
  await prisma.$transaction([prisma.$executeRaw`DELETE FROM "StatusCountPeriod"`, prisma.$executeRaw(REBUILD_STATUS_COUNT_HISTORY)]);
  expect(await history()).toEqual(stored);
}

/** The projections' rows recounted from the events, written out here (not the rebuild statement under test). */
const REBUILD_SELECT = Prisma.sql`
  SELECT date_trunc('month', "occurredOn")::date AS month, kind, coalesce("resultingStatus"::text, '') AS "statusKey", count(*)::int AS events,
         count("peopleAffected")::int AS "peopleEvents", coalesce(sum("peopleAffected"), 0) AS people
  FROM "AccessEvent" WHERE "reviewState" = 'PUBLISHED' GROUP BY 1, 2, 3`;
const REBUILD_BY_COUNTRY_SELECT = Prisma.sql`
  SELECT "countryIso3", date_trunc('month', "occurredOn")::date AS month, kind, coalesce("resultingStatus"::text, '') AS "statusKey", count(*)::int AS events,
         count("peopleAffected")::int AS "peopleEvents", coalesce(sum("peopleAffected"), 0) AS people
  FROM "AccessEvent" WHERE "reviewState" = 'PUBLISHED' GROUP BY 1, 2, 3, 4`;

type Row = { presence_id: number; status: string; since: string; since_precision: string; since_event_id: number; people_affected: number | null };

async function statuses(cte: Prisma.Sql, presenceIds: number[]): Promise<Row[]> {
  return prisma.$queryRaw<Row[]>`
    WITH ${cte} SELECT presence_id, status::text, since::text, since_precision::text, since_event_id, people_affected
    FROM presence_status WHERE presence_id IN (${Prisma.join(presenceIds)}) ORDER BY presence_id`;
}

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await prisma.country.create({ data: { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" } });
  // A second country, so that the per-country totals have more than one country to keep apart.
  await prisma.country.create({ data: { iso3: "MLI", iso2: "ML", nameEn: "Mali", nameFr: "Mali", region: "Africa" } });
  analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
});
afterAll(() => restore());

describe("status projection", () => {
  it("equals a from-scratch recomputation after any sequence of edits, backdated events and retractions", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 5, maxLength: 25 }), async (operations) => {
        const presenceIds: number[] = [];
        for (let i = 0; i < 4; i += 1) {
          const org = await prisma.organisation.create({ data: { name: unique("Projection NGO"), type: "INGO" } });
          presenceIds.push((await prisma.presence.create({ data: { organisationId: org.id, countryIso3: i === 3 ? "MLI" : "NER" } })).id);
        }
        const eventIds: number[] = [];
        for (const step of operations) {
          if (step.op === "change") {
            const id = presenceIds[step.presence % presenceIds.length]!;
            const { version } = await prisma.presence.findUniqueOrThrow({ where: { id } });
            const result = await changeStatus(analyst, id, {
              status: step.status,
              kind: KIND_FOR[step.status],
              occurredOn: step.on,
              datePrecision: step.precision,
              summary: "A generated status change for the projection test.",
              peopleAffected: step.people,
              confidence: "REPORTED",
              version,
              sources: [{ publisher: "Generated Wire", title: "Generated" }],
            });
            eventIds.push(result.eventId);
          } else if (step.op === "retype") {
            const { organisationId } = await prisma.presence.findUniqueOrThrow({ where: { id: presenceIds[step.presence % presenceIds.length]! } });
            const { updatedAt } = await prisma.organisation.findUniqueOrThrow({ where: { id: organisationId } });
            await updateOrganisation(analyst, organisationId, { type: step.type, updatedAt: updatedAt.toISOString() });
          } else if (eventIds.length) {
            const event = await prisma.accessEvent.findUniqueOrThrow({ where: { id: eventIds[step.event % eventIds.length]! } });
            if (event.reviewState === "RETRACTED") continue;
            if (step.op === "retract") {
              await retractEvent(analyst, event.id, { version: event.version, reason: "Generated retraction for the test." });
            } else {
              const edit = {
                ...(step.on ? { occurredOn: step.on } : {}),
                // A new status comes with a kind that may lead to it (lib/domain/kind-status.ts).
                ...(step.status ? { resultingStatus: step.status, kind: KIND_FOR[step.status] } : {}),
                ...(step.people !== null ? { peopleAffected: step.people } : {}),
              };
              await editEvent(analyst, event.id, { version: event.version, ...(Object.keys(edit).length ? edit : { confidence: "DISPUTED" }) });
            }
          }
        }

        const fromProjection = await statuses(presenceStatusFromProjection(), presenceIds);
        const fromEvents = await statuses(presenceStatusFromEvents(new Date()), presenceIds);
        expect(fromProjection).toEqual(fromEvents);
        // The status history gives, for any past date, what the events give as of that date…
        const days = await prisma.$queryRaw<{ day: Date }[]>`
          SELECT DISTINCT d::date AS day FROM "AccessEvent" e, LATERAL (VALUES (e."occurredOn" - 1), (e."occurredOn"), (e."occurredOn" + 1)) v(d)
          WHERE e."presenceId" IN (${Prisma.join(presenceIds)})`;
        for (const { day } of days) {
          expect(await statuses(presenceStatusFromPeriods(day), presenceIds), isoDate(day)).toEqual(await statuses(presenceStatusFromEvents(day), presenceIds));
        }
        // …and equals the one-statement rebuild that bulk loads and the migration use.
        const history = () => prisma.$queryRaw<unknown[]>`
          SELECT "presenceId", "validFrom"::text, "validUntil"::text, status::text, since::text, "sincePrecision"::text, "sinceEventId", "peopleAffected"
          FROM "PresenceStatusPeriod" ORDER BY 1, 2`;
        const stored = await history();
        await prisma.$transaction([prisma.$executeRaw`DELETE FROM "PresenceStatusPeriod"`, prisma.$executeRaw(REBUILD_PRESENCE_PERIODS)]);
        expect(await history()).toEqual(stored);
        // And both follow the domain rule, computed in TypeScript from the events.
        for (const id of presenceIds) {
          const events = await prisma.accessEvent.findMany({ where: { presenceId: id } });
          const expected = projectPresence(events);
          const stored = fromProjection.find((r) => r.presence_id === id);
          expect(stored ?? null, `presence ${id}`).toEqual(
            expected.status === null
              ? null
              : {
                  presence_id: id,
                  status: expected.status,
                  since: isoDate(expected.since!),
                  since_precision: expected.sincePrecision,
                  since_event_id: expected.statusEventIds[0],
                  people_affected: expected.peopleAffected,
                },
          );
        }

        // The monthly totals behind the overview's charts equal a recount of the events…
        const totals = await prisma.$queryRaw<unknown[]>`
          SELECT month::text, kind::text, "statusKey", events, "peopleEvents", people::float8 FROM "EventMonthTotal"
          WHERE events <> 0 OR "peopleEvents" <> 0 OR people <> 0 ORDER BY 1, 2, 3`;
        const recount = await prisma.$queryRaw<unknown[]>`
          SELECT month::text, kind::text, "statusKey", events, "peopleEvents", people::float8 FROM (${REBUILD_SELECT}) r ORDER BY 1, 2, 3`;
        expect(totals).toEqual(recount);
        // …and so do the same totals per country…
        expect(
          await prisma.$queryRaw<unknown[]>`
            SELECT "countryIso3", month::text, kind::text, "statusKey", events, "peopleEvents", people::float8 FROM "CountryEventMonthTotal"
            WHERE events <> 0 OR "peopleEvents" <> 0 OR people <> 0 ORDER BY 1, 2, 3, 4`,
        ).toEqual(
          await prisma.$queryRaw<unknown[]>`
            SELECT "countryIso3", month::text, kind::text, "statusKey", events, "peopleEvents", people::float8 FROM (${REBUILD_BY_COUNTRY_SELECT}) r ORDER BY 1, 2, 3, 4`,
        );
        // …and the charts read from them equal the charts grouped from the events: as of today,
        // as of past days (whole months from the totals, the last month from its events) and
        // with an end of range; for everything, one country and a region (both countries).
        const sorted = async (sql: Prisma.Sql) =>
          (await prisma.$queryRaw<{ key: string; series: string }[]>(sql)).sort((a, b) => `${a.key}${a.series}`.localeCompare(`${b.key}${b.series}`));
        const pastDays = days.filter((_, index) => index % 4 === 0).map(({ day }) => isoDate(day));
        const daysBefore = (day: string, n: number) => isoDate(new Date(Date.parse(day) - n * 86_400_000));
        const views = [
          {},
          { from: "2023-03-17" },
          ...pastDays.map((asOf) => ({ asOf })),
          ...pastDays.slice(0, 3).flatMap((to) => [
            { from: "2020-01-01", to },
            { from: daysBefore(to, 9), to },
            { from: daysBefore(to, 40), to },
          ]),
        ];
        // Every place for the first view, then one place per view in turn (over 25 runs each
        // view shape meets every place; all of them for every view took over a minute).
        const places = [{}, { country: "NER" }, { country: "MLI" }, { region: "Africa" }];
        for (const [index, params] of views.entries()) {
          for (const place of index === 0 ? places : [places[index % places.length]!]) {
            const view = { ...withChartWindow(parseView(params)), ...place };
            const where = JSON.stringify({ ...params, ...place });
            expect(readsMonthTotals(view), where).toBe(true);
            expect(await sorted(DASHBOARD_SQL.peopleByMonth(view)), where).toEqual(await sorted(FROM_EVENTS.peopleByMonth(view)));
            expect(await sorted(DASHBOARD_SQL.eventsByMonth(view)), where).toEqual(await sorted(FROM_EVENTS.eventsByMonth(view)));
            const people = (sql: Prisma.Sql) => prisma.$queryRaw<{ people: number | null }[]>(sql);
            expect(await people(DASHBOARD_SQL.peopleLast12Months(view)), where).toEqual(await people(FROM_EVENTS.peopleLast12Months(view)));
          }
        }

        // The status counters as they are now equal a recount of the presences…
        expect(await currentCounters()).toEqual(await recountedCounters());
        // …their history equals the one-statement rebuild…
        await expectCounterHistoryToEqualRebuild();
        // …and the overview's status rows read from them, today and on every day around every
        // event, equal those grouped from the statuses the events give as of that day.
        // Rows in one order (the queries have none: the page ranks countries itself).
        const inOrder = (rows: StatusCountRow[]) =>
          [...rows].sort((a, b) => `${a.iso3}|${a.type}|${a.status}`.localeCompare(`${b.iso3}|${b.type}|${b.status}`));
        const summary = async (sql: Prisma.Sql) => summariseStatusCounts(inOrder(await prisma.$queryRaw<StatusCountRow[]>(sql)));
        const groupedFromEvents = async (asOf: Date) =>
          inOrder(
            await prisma.$queryRaw<StatusCountRow[]>`
          WITH ${presenceStatusFromEvents(asOf)}
          SELECT c.iso3, c."nameEn" AS name, o.type::text AS type, s.status::text AS status, count(*)::int AS n
          FROM presence_status s JOIN "Presence" p ON p.id = s.presence_id JOIN "Organisation" o ON o.id = p."organisationId"
          JOIN "Country" c ON c.iso3 = p."countryIso3" GROUP BY 1, 2, 3, 4`,
          );
        expect(await summary(DASHBOARD_SQL.statusCounts(parseView({})))).toEqual(summariseStatusCounts(await groupedFromEvents(new Date())));
        for (const { day } of days) {
          expect(await summary(DASHBOARD_SQL.statusCounts(parseView({ asOf: isoDate(day) }))), isoDate(day)).toEqual(
            summariseStatusCounts(await groupedFromEvents(day)),
          );
        }
      }),
      { numRuns: 25, seed: SEED },
    );
  }, 180_000); // 25 histories of up to 25 writes, each checked every way: 35-40 s here, more on a busy machine

  it("stays exact under concurrent status changes and type changes in the same counters, without deadlocks", async () => {
    const presences: { id: number; organisationId: number }[] = [];
    for (let i = 0; i < 8; i += 1) {
      const org = await prisma.organisation.create({ data: { name: unique("Concurrent NGO"), type: "NATIONAL_NGO" } });
      presences.push(await prisma.presence.create({ data: { organisationId: org.id, countryIso3: "NER" } }));
    }
    const change = async (id: number, status: (typeof STATUSES)[number], on: string) => {
      const { version } = await prisma.presence.findUniqueOrThrow({ where: { id } });
      return changeStatus(analyst, id, {
        status,
        kind: KIND_FOR[status],
        occurredOn: on,
        datePrecision: "DAY",
        summary: "A concurrent status change for the test.",
        confidence: "REPORTED",
        version,
        sources: [{ publisher: "Generated Wire", title: "Generated" }],
      });
    };
    for (const [index, { id }] of presences.entries()) await change(id, index % 2 ? "EXPELLED" : "OPERATING", "2024-01-10");
    // Half move one way, half the other (backdated too), while two organisations change type.
    const retype = async (organisationId: number) => {
      const { updatedAt } = await prisma.organisation.findUniqueOrThrow({ where: { id: organisationId } });
      return updateOrganisation(analyst, organisationId, { type: "UN_AGENCY", updatedAt: updatedAt.toISOString() });
    };
    const results = await Promise.allSettled([
      ...presences.map(({ id }, index) => change(id, index % 2 ? "OPERATING" : "EXPELLED", index % 3 ? "2025-03-01" : "2023-06-01")),
      retype(presences[0]!.organisationId),
      retype(presences[1]!.organisationId),
    ]);
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    expect(await currentCounters()).toEqual(await recountedCounters());
    await expectCounterHistoryToEqualRebuild();
  });
});
