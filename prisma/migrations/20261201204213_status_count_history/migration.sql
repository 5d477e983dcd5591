-- CreateTable
CREATE TABLE "StatusCountPeriod" (
    "countryIso3" VARCHAR(3) NOT NULL,
    "organisationType" "OrganisationType" NOT NULL,
    "status" "Status" NOT NULL,
    "validFrom" DATE NOT NULL,
    "validUntil" DATE,
    "presences" INTEGER NOT NULL,

    CONSTRAINT "StatusCountPeriod_pkey" PRIMARY KEY ("countryIso3","organisationType","status","validFrom")
);

-- Past as-of views find the period containing a date through this index (GiST, like the one
-- on PresenceStatusPeriod: the Prisma schema cannot describe it, and the diff leaves it alone).
CREATE INDEX "StatusCountPeriod_validity_idx" ON "StatusCountPeriod" USING gist (daterange("validFrom", "validUntil"));

-- Backfill from the status periods already there (REBUILD_STATUS_COUNT_HISTORY in
-- lib/data/status-count-history.ts).
WITH changes AS (
  SELECT p."countryIso3" AS country, o.type, s.status, s."validFrom" AS day, 1 AS delta FROM "PresenceStatusPeriod" s JOIN "Presence" p ON p.id = s."presenceId" JOIN "Organisation" o ON o.id = p."organisationId" WHERE TRUE
  UNION ALL
  SELECT p."countryIso3", o.type, s.status, s."validUntil", -1 FROM "PresenceStatusPeriod" s JOIN "Presence" p ON p.id = s."presenceId" JOIN "Organisation" o ON o.id = p."organisationId" WHERE TRUE AND s."validUntil" IS NOT NULL
), days AS (
  SELECT country, type, status, day, sum(delta) AS delta FROM changes GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0
), running AS (
  SELECT country, type, status, day, lead(day) OVER counter AS next_day, sum(delta) OVER (counter ROWS UNBOUNDED PRECEDING) AS presences
  FROM days WINDOW counter AS (PARTITION BY country, type, status ORDER BY day)
)
INSERT INTO "StatusCountPeriod" ("countryIso3", "organisationType", status, "validFrom", "validUntil", presences)
SELECT country, type, status, day, next_day, presences::int FROM running WHERE presences <> 0
;
