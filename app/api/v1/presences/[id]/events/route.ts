import { apiActor } from "@/lib/api/actor";
import { foreignOrigin, readJsonBody } from "@/lib/api/body";
import { errorResponse } from "@/lib/api/respond";
import { changeStatus } from "@/lib/data/edits/status-change";
import { UnauthenticatedError } from "@/lib/domain/permissions";

export const dynamic = "force-dynamic";

/** A status change: the event with its sources and the `version` the caller saw. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await apiActor(request);
    if (!actor) throw new UnauthenticatedError();
    const refused = foreignOrigin(request);
    if (refused) return refused;
    const body = await readJsonBody(request);
    if (!body.ok) return body.response;
    const id = Number((await context.params).id);
    const result = await changeStatus(actor, Number.isSafeInteger(id) ? id : -1, body.value);
    return Response.json(result, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
