-- The data version: one number that every committed write to what the app shows moves on,
-- in the writing transaction itself (so a reader sees the new number exactly when it sees
-- the new rows). The read cache keys what it keeps by it (lib/data/read-cache.ts).
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "DataVersion_one_row" CHECK ("id" = 1)
);
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);

-- Fired at commit (deferred), once per transaction however many rows it wrote: the row's
-- lock is then held for the last moment of the transaction only, so that a long import
-- does not hold up every other write until it ends.
CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('access_monitor.data_version_txid', true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM set_config('access_monitor.data_version_txid', txid_current()::text, true);
    UPDATE "DataVersion" SET "version" = "version" + 1, "changedAt" = CURRENT_TIMESTAMP WHERE "id" = 1;
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['AccessEvent', 'Area', 'Assessment', 'AssessmentEvidence', 'AssessmentIndicator', 'AssessmentVersion',
    'ConstraintMonthTotal', 'Country', 'EventArea', 'EventMonthTotal', 'EventOrganisation', 'EventSource', 'MergedOrganisation',
    'Organisation', 'OrganisationAlias', 'Presence', 'PresenceArea', 'PresenceStatusPeriod', 'Source', 'StatusCountPeriod']
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER data_version AFTER INSERT OR UPDATE OR DELETE ON %I
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version()', t);
  END LOOP;
END $$;

-- Users appear by name (who changed what) and role; their sign-ins, languages and visits do not matter here.
CREATE CONSTRAINT TRIGGER data_version AFTER INSERT OR DELETE OR UPDATE OF "name", "email", "role" ON "User"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
