import { apiActor } from "@/lib/api/actor";
import { foreignOrigin, readJsonBody } from "@/lib/api/body";
import { ndjson } from "@/lib/api/import-route";
import { errorResponse } from "@/lib/api/respond";
import { pathId } from "@/lib/api/write-route";
import { commitImport } from "@/lib/data/imports";
import { UnauthenticatedError } from "@/lib/domain/errors";

export const dynamic = "force-dynamic";

/** Commit a previewed import (drafts unless `{"draft": false}`); with `Accept: application/x-ndjson`, progress lines first. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const actor = await apiActor(request);
    if (!actor) throw new UnauthenticatedError();
    const refused = foreignOrigin(request);
    if (refused) return refused;
    const body = await readJsonBody(request);
    if (!body.ok) return body.response;
    const id = pathId((await context.params).id);
    if ((request.headers.get("accept") ?? "").includes("application/x-ndjson")) {
      return ndjson(async (emit) => ({
        status: 200,
        body: await commitImport(actor, id, body.value, (rows) => emit({ progress: { phase: "commit", rows } })),
      }));
    }
    return Response.json(await commitImport(actor, id, body.value), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
