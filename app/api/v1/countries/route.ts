import { apiActor } from "@/lib/api/actor";
import { badRequest, errorResponse } from "@/lib/api/respond";
import { conditionalJson } from "@/lib/api/conditional";
import { decodeCountryCursor, listCountriesAfter } from "@/lib/data/countries";
import { countriesQuerySchema } from "@/lib/api/schemas";
import { DEFAULT_PAGE_SIZE } from "@/lib/domain/tables/query";
import { effectiveAsOf } from "@/lib/domain/view-url";
import { UnauthenticatedError } from "@/lib/domain/errors";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await apiActor(request);
    if (!actor) throw new UnauthenticatedError();
    const parsed = countriesQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return badRequest(parsed.error.issues.map((i) => ({ param: String(i.path[0] ?? ""), message: i.message })));
    const { region, q, asOf, size, cursor } = parsed.data;
    const after = cursor ? decodeCountryCursor(cursor) : null;
    if (cursor && !after) return badRequest([{ param: "cursor", message: "Not a cursor from this endpoint" }]);
    const result = await listCountriesAfter(actor, { region, q, asOf: effectiveAsOf(asOf).asOf }, after, size ?? DEFAULT_PAGE_SIZE);
    return conditionalJson(request, result);
  } catch (error) {
    return errorResponse(error);
  }
}
