import { apiActor } from "@/lib/api/actor";
import { badRequest, errorResponse } from "@/lib/api/respond";
import { conditionalJson } from "@/lib/api/conditional";
import { evidenceQuerySchema } from "@/lib/api/schemas";
import { proposeEvidence } from "@/lib/data/assessments";
import { UnauthenticatedError } from "@/lib/domain/errors";

export const dynamic = "force-dynamic";

/** For each of the nine indicators, the published events of its category, country (and area) and period, most recent first. */
export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await apiActor(request);
    if (!actor) throw new UnauthenticatedError();
    const parsed = evidenceQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return badRequest(parsed.error.issues.map((i) => ({ param: String(i.path[0] ?? ""), message: i.message })));
    return conditionalJson(request, { indicators: await proposeEvidence(actor, parsed.data) });
  } catch (error) {
    return errorResponse(error);
  }
}
