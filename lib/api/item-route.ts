import "server-only";
// GET handlers of single resources (`/api/v1/events/{id}`, `/api/v1/organisations/{id}`): the
// caller first, then the item or 404, answered conditionally (ETag, 304).
import { apiActor } from "./actor";
import { conditionalJson } from "./conditional";
import { errorResponse } from "./respond";
import { pathId } from "./write-route";
import type { Actor } from "@/lib/domain/actor";
import { NotFoundError, UnauthenticatedError } from "@/lib/domain/errors";

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
