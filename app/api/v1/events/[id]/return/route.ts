import { pathId, writeHandler } from "@/lib/api/write-route";
import { returnDraft } from "@/lib/data/edits/review";

export const dynamic = "force-dynamic";

/** Return a draft to its author with a comment (and the `version` you saw); it stays a draft. */
export const POST = writeHandler(200, (actor, body, params) => returnDraft(actor, pathId(params.id), body));
