import { pathId, writeHandler } from "@/lib/api/write-route";
import { retractEvent } from "@/lib/data/edits/events";

export const dynamic = "force-dynamic";

/** Retract an event with a reason: kept in the history, no longer counted. */
export const POST = writeHandler(200, (actor, body, params) => retractEvent(actor, pathId(params.id), body));
