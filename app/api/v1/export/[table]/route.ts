import { z } from "zod";
import { apiActor } from "@/lib/api/actor";
import { badRequest, errorResponse } from "@/lib/api/respond";
import { startExport } from "@/lib/data/exports";
import { UnauthenticatedError } from "@/lib/domain/permissions";
import { TABLE_NAMES } from "@/lib/domain/tables/columns";
import { EXPORT_FORMATS } from "@/lib/domain/tables/export-files";
import { parseTableQueryStrict } from "@/lib/domain/tables/query";
import { toByteStream } from "@/lib/export";

export const dynamic = "force-dynamic";

const formatSchema = z.enum(EXPORT_FORMATS, `Formats: ${EXPORT_FORMATS.join(", ")}`).default("csv");

export async function GET(request: Request, context: { params: Promise<{ table: string }> }): Promise<Response> {
  try {
    const actor = await apiActor(request);
    if (!actor) throw new UnauthenticatedError();
    const { table: tableParam } = await context.params;
    const table = z.enum(TABLE_NAMES).safeParse(tableParam);
    if (!table.success) return badRequest([{ param: "table", message: `Tables: ${TABLE_NAMES.join(", ")}` }]);
    const params = new URL(request.url).searchParams;
    const format = formatSchema.safeParse(params.get("format") ?? undefined);
    const query = parseTableQueryStrict(table.data, params, ["format"]);
    const issues = [...(format.success ? [] : [{ param: "format", message: format.error.issues[0]!.message }]), ...(query.ok ? [] : query.issues)];
    if (!format.success || !query.ok) return badRequest(issues);
    // Every page of the view: page and size do not apply to a file.
    const download = await startExport(actor, { ...query.value, page: 1 }, format.data);
    const body = toByteStream(download.chunks, (error) => console.error("[export] failed while streaming", error));
    return new Response(body, {
      headers: {
        "Content-Type": download.contentType,
        "Content-Disposition": `attachment; filename="${download.fileName}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
