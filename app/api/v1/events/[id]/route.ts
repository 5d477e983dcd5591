import { pathId, writeHandler } from "@/lib/api/write-route";
import { itemHandler } from "@/lib/api/item-route";
import { eventDetailOf } from "@/lib/api/items";
import { editEvent } from "@/lib/data/edits/events";
import { getEvent } from "@/lib/data/timeline";

export const dynamic = "force-dynamic";

/** One event, retracted ones too (`state`, `retraction`): what a change's `entity.href` points at. */
export const GET = itemHandler("This event", async (actor, id) => {
  const event = await getEvent(actor, id);
  return event ? eventDetailOf(event) : null;
});

/** Edit an event's fields; `version` (as loaded) guards against overwriting someone else's edit. */
export const PATCH = writeHandler(200, (actor, body, params) => editEvent(actor, pathId(params.id), body));
