import { pathId, writeHandler } from "@/lib/api/write-route";
import { itemHandler, readOrganisationDetail } from "@/lib/api/item-route";
import { updateOrganisation } from "@/lib/data/edits/organisations";

export const dynamic = "force-dynamic";

/** One organisation; a merged duplicate answers `{"id", "mergedInto"}` (never silently gone). */
export const GET = itemHandler("This organisation", readOrganisationDetail);

/** Edit some fields; `updatedAt` (as loaded) guards against overwriting someone else's edit. */
export const PATCH = writeHandler(200, (actor, body, params) => updateOrganisation(actor, pathId(params.id), body));
