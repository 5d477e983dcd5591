import { apiActor } from "@/lib/api/actor";
import { errorResponse, apiError } from "@/lib/api/respond";
import { pathId } from "@/lib/api/write-route";
import { getImport, listImportRows } from "@/lib/data/imports";
import { ROW_ACTIONS, type RowAction } from "@/lib/domain/import-format";
import { UnauthenticatedError } from "@/lib/domain/errors";

export const dynamic = "force-dynamic";

/** An import: its state, what it holds and did, and a page of its rows (`?only=error`, `?page=2`). */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const actor = await apiActor(request);
    if (!actor) throw new UnauthenticatedError();
    const id = pathId((await context.params).id);
    const found = await getImport(actor, id);
    if (!found) return apiError("not_found", "This import was not found.");
    const url = new URL(request.url);
    const only = url.searchParams.get("only");
    const page = Number(url.searchParams.get("page") ?? 1);
    const rows = await listImportRows(actor, id, {
      ...(ROW_ACTIONS.includes(only as RowAction) ? { only: only as RowAction } : {}),
      page: Number.isSafeInteger(page) && page > 0 ? page : 1,
    });
    const { summary, uploadedBy, ...rest } = found;
    return Response.json(
      {
        ...rest,
        uploadedBy: uploadedBy?.name ?? null,
        table: summary.table,
        counts: summary.counts,
        missing: summary.missing,
        created: summary.created ?? null,
        page: rows,
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
