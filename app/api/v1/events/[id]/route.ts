import { pathId, writeHandler } from "@/lib/api/write-route";
import { itemHandler, readEventDetail } from "@/lib/api/item-route";
import { editEvent } from "@/lib/data/edits/events";

export const dynamic = "force-dynamic";

/** One event, retracted ones too (`state`, `retraction`): what a change's `entity.href` points at. */
export const GET = itemHandler("This event", readEventDetail);

/** Edit an event's fields; `version` (as loaded) guards against overwriting someone else's edit. */
export const PATCH = writeHandler(200, (actor, body, params) => editEvent(actor, pathId(params.id), body));
