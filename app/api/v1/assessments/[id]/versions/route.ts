import { pathId, writeHandler } from "@/lib/api/write-route";
import { editAssessment } from "@/lib/data/assessments";

export const dynamic = "force-dynamic";

/** A new version of an assessment (`{"version": <the one you saw>, "indicators", "override"?, "draft"?}`). */
export const POST = writeHandler(201, (actor, body, params) => editAssessment(actor, pathId(params.id), body));
