import { pathId, writeHandler } from "@/lib/api/write-route";
import { updateOrganisation } from "@/lib/data/edits/organisations";

export const dynamic = "force-dynamic";

/** Edit some fields; `updatedAt` (as loaded) guards against overwriting someone else's edit. */
export const PATCH = writeHandler(200, (actor, body, params) => updateOrganisation(actor, pathId(params.id), body));
