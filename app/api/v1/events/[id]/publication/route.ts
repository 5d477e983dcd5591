import { pathId, writeHandler } from "@/lib/api/write-route";
import { publishEvent } from "@/lib/data/edits/review";

export const dynamic = "force-dynamic";

/** Publish a draft (with the `version` you saw): from now on it counts. With REQUIRE_REVIEW, not by its author (403). */
export const POST = writeHandler(200, (actor, body, params) => publishEvent(actor, pathId(params.id), body));
