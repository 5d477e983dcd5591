import { pathId, writeHandler } from "@/lib/api/write-route";
import { setPresenceAreas } from "@/lib/data/edits/status-change";

export const dynamic = "force-dynamic";

/** Where the organisation works in the country: the whole list of ISO 3166-2 codes, with the `version` the caller saw. */
export const PUT = writeHandler(200, (actor, body, params) => setPresenceAreas(actor, pathId(params.id), body));
