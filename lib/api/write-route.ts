import "server-only";
// Every v1 write: find the caller (401), refuse a foreign Origin for session writes (403),
// read a size-limited JSON body, run the data-layer function (which validates and checks
// the role), and map its errors to JSON answers.
import type { Actor } from "@/lib/domain/actor";
import { apiActor } from "./actor";
import { foreignOrigin, readJsonBody } from "./body";
import { errorResponse } from "./respond";
import { UnauthenticatedError } from "@/lib/domain/errors";
import { recordWrite } from "@/lib/data/read-routing";

type Params = Promise<Record<string, string>>;

export function writeHandler(
  status: 200 | 201,
  run: (actor: Actor, body: unknown, params: Record<string, string>) => Promise<unknown>,
  { body: withBody = true, limit }: { body?: boolean; limit?: number } = {},
) {
  return async (request: Request, context: { params: Params }): Promise<Response> => {
    try {
      const actor = await apiActor(request);
      if (!actor) throw new UnauthenticatedError();
      const refused = foreignOrigin(request);
      if (refused) return refused;
      const body = withBody ? await readJsonBody(request, limit) : { ok: true as const, value: {} };
      if (!body.ok) return body.response;
      const result = await run(actor, body.value, await context.params);
      // With a replica, this caller's next reads see this write, on whichever instance.
      await recordWrite(actor);
      return Response.json(result, { status, headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A numeric id from the path; anything else is an id that matches nothing. */
export const pathId = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) ? Number(value) : -1);
