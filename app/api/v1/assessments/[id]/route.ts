import { apiActor } from "@/lib/api/actor";
import { apiError, errorResponse } from "@/lib/api/respond";
import { conditionalJson } from "@/lib/api/conditional";
import { pathId } from "@/lib/api/write-route";
import { getAssessment } from "@/lib/data/assessments";
import { UnauthenticatedError } from "@/lib/domain/errors";

export const dynamic = "force-dynamic";

/** One assessment with its versions, newest first, and what changed in its evidence since publication. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await apiActor(request);
    if (!actor) throw new UnauthenticatedError();
    const assessment = await getAssessment(actor, pathId((await context.params).id));
    if (!assessment) return apiError("not_found", "No assessment has this id.");
    return conditionalJson(request, assessment);
  } catch (error) {
    return errorResponse(error);
  }
}
