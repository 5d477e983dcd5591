-- CreateTable
CREATE TABLE "ConstraintMonthTotal" (
    "month" DATE NOT NULL,
    "countryIso3" VARCHAR(3) NOT NULL,
    "category" "ConstraintCategory" NOT NULL,
    "events" INTEGER NOT NULL,

    CONSTRAINT "ConstraintMonthTotal_pkey" PRIMARY KEY ("month","countryIso3","category")
);

-- Backfill from the events already recorded (the same statement as REBUILD_CONSTRAINT_MONTH_TOTALS)
INSERT INTO "ConstraintMonthTotal" (month, "countryIso3", category, events)
SELECT date_trunc('month', "occurredOn")::date, "countryIso3", category, count(*)
FROM "AccessEvent" WHERE "reviewState" = 'PUBLISHED' AND category IS NOT NULL AND "parentEventId" IS NULL
GROUP BY 1, 2, 3;
