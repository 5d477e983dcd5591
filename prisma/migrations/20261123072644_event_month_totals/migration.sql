-- CreateTable
CREATE TABLE "EventMonthTotal" (
    "month" DATE NOT NULL,
    "kind" "EventKind" NOT NULL,
    "statusKey" VARCHAR(10) NOT NULL,
    "events" INTEGER NOT NULL,
    "peopleEvents" INTEGER NOT NULL,
    "people" BIGINT NOT NULL,

    CONSTRAINT "EventMonthTotal_pkey" PRIMARY KEY ("month","kind","statusKey")
);

-- Backfill from the events already there.
INSERT INTO "EventMonthTotal" (month, kind, "statusKey", events, "peopleEvents", people)
SELECT date_trunc('month', "occurredOn")::date, kind, coalesce("resultingStatus"::text, ''), count(*),
       count("peopleAffected"), coalesce(sum("peopleAffected"), 0)
FROM "AccessEvent" WHERE "reviewState" = 'PUBLISHED'
GROUP BY 1, 2, 3;
