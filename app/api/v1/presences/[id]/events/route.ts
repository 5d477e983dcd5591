import { pathId, writeHandler } from "@/lib/api/write-route";
import { changeStatus } from "@/lib/data/edits/status-change";

export const dynamic = "force-dynamic";

/** A status change: the event with its sources and the `version` the caller saw. */
export const POST = writeHandler(201, (actor, body, params) => changeStatus(actor, pathId(params.id), body));
