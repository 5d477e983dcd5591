-- CreateTable
CREATE TABLE "DataChange" (
    "seq" BIGSERIAL NOT NULL,
    "txid" BIGINT NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" INTEGER NOT NULL,
    "countryIso3" VARCHAR(3),
    "organisationId" INTEGER,

    CONSTRAINT "DataChange_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "DataChange_txid_seq_idx" ON "DataChange"("txid", "seq");

-- CreateIndex
CREATE INDEX "DataChange_changedAt_idx" ON "DataChange"("changedAt");

-- The change log is written by triggers, in the transaction of each change (times in UTC,
-- as Prisma writes them): every code path (forms, API, imports, merges, the seed) records
-- its changes without remembering to, and a rolled-back change leaves nothing. Drafts
-- record nothing until they are published. A correction is a change of what the event
-- says (a version bump alone, as when a retraction claims the event, is none).
-- The kinds are CHANGE_KINDS in lib/domain/changes.ts.
CREATE FUNCTION public.record_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change_kind text;
  organisation integer;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."reviewState" = 'PUBLISHED' THEN change_kind := 'event.published'; END IF;
  ELSIF OLD."reviewState" <> 'PUBLISHED' AND NEW."reviewState" = 'PUBLISHED' THEN
    change_kind := 'event.published';
  ELSIF OLD."reviewState" = 'PUBLISHED' AND NEW."reviewState" = 'RETRACTED' THEN
    change_kind := 'event.retracted';
  ELSIF NEW."reviewState" = 'PUBLISHED' AND (NEW."occurredOn", NEW."datePrecision", NEW.kind, NEW.category, NEW.subtype,
      NEW."resultingStatus", NEW.summary, NEW."peopleAffected", NEW.confidence, NEW."organisationTypes")
      IS DISTINCT FROM (OLD."occurredOn", OLD."datePrecision", OLD.kind, OLD.category, OLD.subtype,
      OLD."resultingStatus", OLD.summary, OLD."peopleAffected", OLD.confidence, OLD."organisationTypes") THEN
    change_kind := 'event.corrected';
  END IF;
  IF change_kind IS NULL THEN RETURN NULL; END IF;
  SELECT p."organisationId" INTO organisation FROM "Presence" p WHERE p.id = NEW."presenceId";
  INSERT INTO "DataChange" ("changedAt", kind, "entityType", "entityId", "countryIso3", "organisationId")
    VALUES (now() AT TIME ZONE 'UTC', change_kind, 'AccessEvent', NEW.id, NEW."countryIso3", organisation);
  RETURN NULL;
END $$;

CREATE TRIGGER "AccessEvent_data_change" AFTER INSERT OR UPDATE ON "AccessEvent"
  FOR EACH ROW EXECUTE FUNCTION public.record_event_change();

-- A presence's status is a projection of its events: recorded when it changes, and when a
-- merge removes the presence (its events moved to the surviving organisation's).
CREATE FUNCTION public.record_presence_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO "DataChange" ("changedAt", kind, "entityType", "entityId", "countryIso3", "organisationId")
      VALUES (now() AT TIME ZONE 'UTC', 'presence.removed', 'Presence', OLD.id, OLD."countryIso3", OLD."organisationId");
    RETURN NULL;
  END IF;
  IF NEW.status IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'UPDATE' AND NEW.status IS NOT DISTINCT FROM OLD.status AND NEW.since IS NOT DISTINCT FROM OLD.since THEN
    RETURN NULL;
  END IF;
  INSERT INTO "DataChange" ("changedAt", kind, "entityType", "entityId", "countryIso3", "organisationId")
    VALUES (now() AT TIME ZONE 'UTC', 'presence.statusChanged', 'Presence', NEW.id, NEW."countryIso3", NEW."organisationId");
  RETURN NULL;
END $$;

CREATE TRIGGER "Presence_data_change" AFTER INSERT OR UPDATE OR DELETE ON "Presence"
  FOR EACH ROW EXECUTE FUNCTION public.record_presence_change();

CREATE FUNCTION public.record_organisation_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.name, NEW.acronym, NEW.type, NEW."iatiId", NEW.website)
      IS NOT DISTINCT FROM (OLD.name, OLD.acronym, OLD.type, OLD."iatiId", OLD.website) THEN
    RETURN NULL;
  END IF;
  INSERT INTO "DataChange" ("changedAt", kind, "entityType", "entityId", "organisationId")
    VALUES (now() AT TIME ZONE 'UTC', CASE TG_OP WHEN 'INSERT' THEN 'organisation.created' ELSE 'organisation.updated' END, 'Organisation', NEW.id, NEW.id);
  RETURN NULL;
END $$;

CREATE TRIGGER "Organisation_data_change" AFTER INSERT OR UPDATE ON "Organisation"
  FOR EACH ROW EXECUTE FUNCTION public.record_organisation_change();

-- A merge: the duplicate (entityId) now answers as the organisation it was merged into.
CREATE FUNCTION public.record_merge_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DataChange" ("changedAt", kind, "entityType", "entityId", "organisationId")
    VALUES (now() AT TIME ZONE 'UTC', 'organisation.merged', 'Organisation', NEW.id, NEW."mergedIntoId");
  RETURN NULL;
END $$;

CREATE TRIGGER "MergedOrganisation_data_change" AFTER INSERT ON "MergedOrganisation"
  FOR EACH ROW EXECUTE FUNCTION public.record_merge_change();
