import { pathId, writeHandler } from "@/lib/api/write-route";
import { itemHandler } from "@/lib/api/item-route";
import { updateOrganisation } from "@/lib/data/edits/organisations";
import { getOrganisation } from "@/lib/data/organisations";
import { mergedInto } from "@/lib/data/edits/merge";

export const dynamic = "force-dynamic";

/** One organisation; a merged duplicate answers `{"id", "mergedInto"}` (never silently gone). */
export const GET = itemHandler("This organisation", async (actor, id) => {
  const organisation = await getOrganisation(actor, id);
  if (organisation) return { ...organisation, updatedAt: organisation.updatedAt.toISOString(), mergedInto: null };
  const kept = id > 0 ? await mergedInto(id) : null;
  return kept === null ? null : { id, mergedInto: kept };
});

/** Edit some fields; `updatedAt` (as loaded) guards against overwriting someone else's edit. */
export const PATCH = writeHandler(200, (actor, body, params) => updateOrganisation(actor, pathId(params.id), body));
