import { pathId, writeHandler } from "@/lib/api/write-route";
import { editEvent } from "@/lib/data/edits/events";

export const dynamic = "force-dynamic";

/** Edit an event's fields; `version` (as loaded) guards against overwriting someone else's edit. */
export const PATCH = writeHandler(200, (actor, body, params) => editEvent(actor, pathId(params.id), body));
