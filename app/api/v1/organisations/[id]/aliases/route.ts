import { pathId, writeHandler } from "@/lib/api/write-route";
import { addAlias } from "@/lib/data/edits/aliases";

export const dynamic = "force-dynamic";

/** Another name of the organisation (another language, a former name, an acronym): found by search, imports and triage. */
export const POST = writeHandler(201, (actor, body, params) => addAlias(actor, pathId(params.id), body));
