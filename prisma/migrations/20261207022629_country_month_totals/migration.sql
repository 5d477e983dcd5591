-- AlterTable
ALTER TABLE "ConstraintMonthTotal" ADD COLUMN     "located" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CountryEventMonthTotal" (
    "countryIso3" VARCHAR(3) NOT NULL,
    "month" DATE NOT NULL,
    "kind" "EventKind" NOT NULL,
    "statusKey" VARCHAR(10) NOT NULL,
    "events" INTEGER NOT NULL,
    "peopleEvents" INTEGER NOT NULL,
    "people" BIGINT NOT NULL,

    CONSTRAINT "CountryEventMonthTotal_pkey" PRIMARY KEY ("countryIso3","month","kind","statusKey")
);

-- CreateTable
CREATE TABLE "ConstraintCategoryMonthTotal" (
    "month" DATE NOT NULL,
    "category" "ConstraintCategory" NOT NULL,
    "events" INTEGER NOT NULL,

    CONSTRAINT "ConstraintCategoryMonthTotal_pkey" PRIMARY KEY ("month","category")
);

-- CreateTable
CREATE TABLE "ConstraintCountryTotal" (
    "countryIso3" VARCHAR(3) NOT NULL,
    "category" "ConstraintCategory" NOT NULL,
    "events" INTEGER NOT NULL,

    CONSTRAINT "ConstraintCountryTotal_pkey" PRIMARY KEY ("countryIso3","category")
);

-- CreateTable
CREATE TABLE "ConstraintAreaMonthTotal" (
    "countryIso3" VARCHAR(3) NOT NULL,
    "month" DATE NOT NULL,
    "areaCode" VARCHAR(6) NOT NULL,
    "events" INTEGER NOT NULL,

    CONSTRAINT "ConstraintAreaMonthTotal_pkey" PRIMARY KEY ("countryIso3","month","areaCode")
);

-- CreateIndex
CREATE INDEX "AccessEvent_countryIso3_category_occurredOn_id_idx" ON "AccessEvent"("countryIso3", "category", "occurredOn", "id");

-- CreateIndex
CREATE INDEX "ConstraintMonthTotal_countryIso3_month_idx" ON "ConstraintMonthTotal"("countryIso3", "month");

-- Backfill from the events already recorded (the statements of REBUILD_MONTH_TOTALS)
INSERT INTO "CountryEventMonthTotal" ("countryIso3", month, kind, "statusKey", events, "peopleEvents", people)
SELECT "countryIso3", date_trunc('month', "occurredOn")::date, kind, coalesce("resultingStatus"::text, ''), count(*),
       count("peopleAffected"), coalesce(sum("peopleAffected"), 0)
FROM "AccessEvent" WHERE "reviewState" = 'PUBLISHED'
GROUP BY 1, 2, 3, 4;

UPDATE "ConstraintMonthTotal" t SET located = x.located
FROM (SELECT date_trunc('month', e."occurredOn")::date AS month, e."countryIso3", e.category, count(*)::int AS located
      FROM "AccessEvent" e WHERE e."reviewState" = 'PUBLISHED' AND e.category IS NOT NULL AND e."parentEventId" IS NULL
        AND EXISTS (SELECT 1 FROM "EventArea" ea WHERE ea."eventId" = e.id)
      GROUP BY 1, 2, 3) x
WHERE t.month = x.month AND t."countryIso3" = x."countryIso3" AND t.category = x.category;

INSERT INTO "ConstraintCategoryMonthTotal" (month, category, events)
SELECT month, category, sum(events) FROM "ConstraintMonthTotal" GROUP BY 1, 2;

INSERT INTO "ConstraintCountryTotal" ("countryIso3", category, events)
SELECT "countryIso3", category, sum(events) FROM "ConstraintMonthTotal" GROUP BY 1, 2;

INSERT INTO "ConstraintAreaMonthTotal" ("countryIso3", month, "areaCode", events)
SELECT e."countryIso3", date_trunc('month', e."occurredOn")::date, ea."areaCode", count(*)
FROM "AccessEvent" e JOIN "EventArea" ea ON ea."eventId" = e.id
WHERE e."reviewState" = 'PUBLISHED' AND e.category IS NOT NULL AND e."parentEventId" IS NULL
GROUP BY 1, 2, 3;

ANALYZE "CountryEventMonthTotal";
ANALYZE "ConstraintMonthTotal";
ANALYZE "ConstraintCategoryMonthTotal";
ANALYZE "ConstraintCountryTotal";
ANALYZE "ConstraintAreaMonthTotal";
