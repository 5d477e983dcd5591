import { apiActor } from "@/lib/api/actor";
import { errorResponse } from "@/lib/api/respond";
import { listAreas } from "@/lib/data/areas";
import { UnauthenticatedError } from "@/lib/domain/errors";

export const dynamic = "force-dynamic";

/** The country's first-level areas: ISO 3166-2 code, name, OCHA p-code (null unless set), level. */
export async function GET(request: Request, context: { params: Promise<{ iso3: string }> }): Promise<Response> {
  try {
    const actor = await apiActor(request);
    if (!actor) throw new UnauthenticatedError();
    const { iso3 } = await context.params;
    return Response.json({ data: await listAreas(actor, iso3) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
