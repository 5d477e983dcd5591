-- CreateTable
CREATE TABLE "PresenceStatusPeriod" (
    "presenceId" INTEGER NOT NULL,
    "validFrom" DATE NOT NULL,
    "validUntil" DATE,
    "status" "Status" NOT NULL,
    "since" DATE NOT NULL,
    "sincePrecision" "DatePrecision" NOT NULL,
    "sinceEventId" INTEGER NOT NULL,
    "peopleAffected" INTEGER,

    CONSTRAINT "PresenceStatusPeriod_pkey" PRIMARY KEY ("presenceId","validFrom")
);

-- AddForeignKey
ALTER TABLE "PresenceStatusPeriod" ADD CONSTRAINT "PresenceStatusPeriod_presenceId_fkey" FOREIGN KEY ("presenceId") REFERENCES "Presence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Past as-of views find the period containing a date through this index. The Prisma schema
-- cannot describe an index on an expression, and the migration diff leaves GiST ones alone.
CREATE INDEX "PresenceStatusPeriod_validity_idx" ON "PresenceStatusPeriod" USING gist (daterange("validFrom", "validUntil"));

-- Backfill from the events already there (the statement of REBUILD_PRESENCE_PERIODS in
-- lib/data/presence-projection-store.ts).
WITH status_events AS (
  SELECT e."presenceId" AS presence_id, e.id, e."occurredOn" AS day, e."datePrecision" AS precision, e."resultingStatus" AS status,
         e."peopleAffected" AS people, lag(e."resultingStatus") OVER (PARTITION BY e."presenceId" ORDER BY e."occurredOn", e.id) AS previous_status
  FROM "AccessEvent" e
  WHERE e."presenceId" IS NOT NULL AND e."reviewState" = 'PUBLISHED' AND e."resultingStatus" IS NOT NULL
), runs AS (
  SELECT *, count(*) FILTER (WHERE previous_status IS DISTINCT FROM status) OVER (PARTITION BY presence_id ORDER BY day, id) AS run
  FROM status_events
), states AS (
  SELECT presence_id, day, status,
         first_value(day) OVER run_so_far AS since, first_value(precision) OVER run_so_far AS since_precision,
         first_value(id) OVER run_so_far AS since_event_id,
         array_agg(people) FILTER (WHERE people IS NOT NULL) OVER run_so_far AS people_so_far,
         row_number() OVER (PARTITION BY presence_id, day ORDER BY id DESC) AS from_last_of_day
  FROM runs
  WINDOW run_so_far AS (PARTITION BY presence_id, run ORDER BY day, id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
)
INSERT INTO "PresenceStatusPeriod" ("presenceId", "validFrom", "validUntil", status, since, "sincePrecision", "sinceEventId", "peopleAffected")
SELECT presence_id, day, lead(day) OVER (PARTITION BY presence_id ORDER BY day), status, since, since_precision, since_event_id,
       people_so_far[array_upper(people_so_far, 1)]
FROM states WHERE from_last_of_day = 1;
