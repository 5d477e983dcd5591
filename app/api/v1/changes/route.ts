import { apiActor } from "@/lib/api/actor";
import { conditionalJson } from "@/lib/api/conditional";
import { badRequest, errorResponse } from "@/lib/api/respond";
import { changesQuerySchema } from "@/lib/api/schemas";
import { listChanges } from "@/lib/data/changes";
import { assertKnownCountry } from "@/lib/data/countries";
import { decodeChangeCursor } from "@/lib/domain/changes";
import { UnauthenticatedError } from "@/lib/domain/errors";
import { DEFAULT_PAGE_SIZE } from "@/lib/domain/tables/query";

export const dynamic = "force-dynamic";

/** Every published change in order, from a cursor (or from `since`): the sync stream. */
export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await apiActor(request);
    if (!actor) throw new UnauthenticatedError();
    const parsed = changesQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return badRequest(parsed.error.issues.map((i) => ({ param: String(i.path[0] ?? ""), message: i.message })));
    const { since, cursor, kinds, country, organisation, size } = parsed.data;
    const after = cursor ? decodeChangeCursor(cursor) : null;
    if (cursor && !after) return badRequest([{ param: "cursor", message: "Not a cursor from this endpoint" }]);
    await assertKnownCountry(country);
    const slice = await listChanges(actor, {
      since: since ? new Date(since) : null,
      after,
      kinds: kinds ?? null,
      country: country ?? null,
      organisation: organisation ?? null,
      limit: size ?? DEFAULT_PAGE_SIZE,
    });
    return conditionalJson(request, slice);
  } catch (error) {
    return errorResponse(error);
  }
}
