import { pathId, writeHandler } from "@/lib/api/write-route";
import { mergeOrganisations } from "@/lib/data/edits/merge";

export const dynamic = "force-dynamic";

/** Merge organisation `organisationId` into this one: its presences, events and aliases move here, its name becomes an alias. */
export const POST = writeHandler(200, (actor, body, params) => mergeOrganisations(actor, pathId(params.id), body));
