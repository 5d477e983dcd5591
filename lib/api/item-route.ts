import "server-only";
// GET handlers of single resources (`/api/v1/events/{id}`, `/api/v1/organisations/{id}`): the
// caller first, then the item or 404, answered conditionally (ETag, 304).
import { apiActor } from "./actor";
import { conditionalJson } from "./conditional";
import { errorResponse } from "./respond";
import { pathId } from "./write-route";
import type { Actor } from "@/lib/domain/actor";
import { NotFoundError, UnauthenticatedError } from "@/lib/domain/errors";
import { getEvent } from "@/lib/data/timeline";
import { getOrganisation } from "@/lib/data/organisations";
import { mergedInto } from "@/lib/data/edits/merge";
import { eventDetailOf } from "./items";

export function itemHandler(what: string, read: (actor: Actor, id: number) => Promise<unknown>) {
  return async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
    try {
      const actor = await apiActor(request);
      if (!actor) throw new UnauthenticatedError();
      const item = await read(actor, pathId((await context.params).id));
      if (item === null) throw new NotFoundError(what);
      return conditionalJson(request, item);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** `GET /api/v1/events/{id}`'s answer, or null: also what `updatedSince` lists. */
export async function readEventDetail(actor: Actor, id: number) {
  const event = await getEvent(actor, id);
  return event ? eventDetailOf(event) : null;
}

/** `GET /api/v1/organisations/{id}`'s answer (a merged duplicate as `{"id", "mergedInto"}`), or null. */
export async function readOrganisationDetail(actor: Actor, id: number) {
  const organisation = await getOrganisation(actor, id);
  if (organisation) return { ...organisation, updatedAt: organisation.updatedAt.toISOString(), mergedInto: null };
  const kept = id > 0 ? await mergedInto(id) : null;
  return kept === null ? null : { id, mergedInto: kept };
}
