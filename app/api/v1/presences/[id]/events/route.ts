import { pathId, writeHandler } from "@/lib/api/write-route";
import { recordPresenceEvent } from "@/lib/data/edits/status-change";

export const dynamic = "force-dynamic";

/** An event of the presence with its sources and the `version` the caller saw: a status change, or without `status` a constraint that changes none. */
export const POST = writeHandler(201, (actor, body, params) => recordPresenceEvent(actor, pathId(params.id), body));
