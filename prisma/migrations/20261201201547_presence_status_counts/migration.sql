-- CreateTable
CREATE TABLE "PresenceStatusCount" (
    "countryIso3" VARCHAR(3) NOT NULL,
    "organisationType" "OrganisationType" NOT NULL,
    "status" "Status" NOT NULL,
    "presences" INTEGER NOT NULL,

    CONSTRAINT "PresenceStatusCount_pkey" PRIMARY KEY ("countryIso3","organisationType","status")
);

-- Backfill from the current statuses (the same statement as REBUILD_PRESENCE_STATUS_COUNTS in lib/data/presence-status-counts.ts)
INSERT INTO "PresenceStatusCount" ("countryIso3", "organisationType", status, presences)
SELECT p."countryIso3", o.type, p.status, count(*)::int
FROM "Presence" p JOIN "Organisation" o ON o.id = p."organisationId"
WHERE p.status IS NOT NULL
GROUP BY 1, 2, 3;
