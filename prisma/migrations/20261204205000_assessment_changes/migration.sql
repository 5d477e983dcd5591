-- A published assessment version enters the change log (and so GET /api/v1/changes, the Atom
-- feeds and the webhooks), like a published event: when a version is inserted published, or a
-- draft version is published. Its changedAt is the version's publishedAt, so that a reader of
-- the log finds the version it announces (the latest published at or before it).
-- The kind is in CHANGE_KINDS (lib/domain/changes.ts).
CREATE FUNCTION public.record_assessment_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."reviewState" <> 'PUBLISHED' OR (TG_OP = 'UPDATE' AND OLD."reviewState" = 'PUBLISHED') THEN
    RETURN NULL;
  END IF;
  INSERT INTO "DataChange" ("changedAt", kind, "entityType", "entityId", "countryIso3")
    SELECT coalesce(NEW."publishedAt", now() AT TIME ZONE 'UTC'), 'assessment.published', 'Assessment', a.id, a."countryIso3"
    FROM "Assessment" a WHERE a.id = NEW."assessmentId";
  RETURN NULL;
END $$;

CREATE TRIGGER "AssessmentVersion_data_change" AFTER INSERT OR UPDATE ON "AssessmentVersion"
  FOR EACH ROW EXECUTE FUNCTION public.record_assessment_change();
