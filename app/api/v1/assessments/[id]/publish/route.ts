import { pathId, writeHandler } from "@/lib/api/write-route";
import { publishAssessment } from "@/lib/data/assessments";

export const dynamic = "force-dynamic";

/** Publishes the latest version, a draft (`{"version"}`); by someone other than its author when REQUIRE_REVIEW is on. */
export const POST = writeHandler(200, (actor, body, params) => publishAssessment(actor, pathId(params.id), body));
