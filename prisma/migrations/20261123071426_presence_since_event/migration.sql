-- AlterTable
ALTER TABLE "Presence" ADD COLUMN     "sinceEventId" INTEGER;

-- Backfill: the first event of the unbroken run of events behind each presence's current
-- status (the rule of lib/domain/presence-projection.ts, as in lib/data/presence-status-sql.ts).
WITH status_events AS (
  SELECT e."presenceId" AS presence_id, e.id, e."occurredOn", e."resultingStatus",
         first_value(e."resultingStatus") OVER newest_first AS latest_status
  FROM "AccessEvent" e
  WHERE e."presenceId" IS NOT NULL AND e."reviewState" = 'PUBLISHED' AND e."resultingStatus" IS NOT NULL
  WINDOW newest_first AS (PARTITION BY e."presenceId" ORDER BY e."occurredOn" DESC, e.id DESC)
), status_runs AS (
  SELECT *, bool_or("resultingStatus" <> latest_status) OVER (
           PARTITION BY presence_id ORDER BY "occurredOn" DESC, id DESC ROWS UNBOUNDED PRECEDING) AS before_run
  FROM status_events
), run_starts AS (
  SELECT DISTINCT ON (presence_id) presence_id, id FROM status_runs WHERE NOT before_run ORDER BY presence_id, "occurredOn", id
)
UPDATE "Presence" p SET "sinceEventId" = r.id FROM run_starts r WHERE r.presence_id = p.id;
