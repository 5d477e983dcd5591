import { z } from "zod";
import { apiActor } from "@/lib/api/actor";
import { badRequest, errorResponse } from "@/lib/api/respond";
import { checkExport, startExport } from "@/lib/data/exports";
import { TABLE_NAMES } from "@/lib/domain/tables/columns";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/domain/tables/export-files";
import { parseTableQueryStrict, type TableQuery } from "@/lib/domain/tables/query";
import { UnauthenticatedError } from "@/lib/domain/errors";
import { LOCALES, type Locale } from "@/lib/domain/locales";

export const dynamic = "force-dynamic";

const formatSchema = z.enum(EXPORT_FORMATS, `Formats: ${EXPORT_FORMATS.join(", ")}`).default("csv");
/** The language of the headers (?lang=fr): column ids, HXL tags and values do not change. */
const langSchema = z.enum(LOCALES, `Languages: ${LOCALES.join(", ")}`).default("en");

type Context = { params: Promise<{ table: string }> };
type Parsed = { ok: true; query: TableQuery; format: ExportFormat; lang: Locale } | { ok: false; response: Response };

async function parse(request: Request, context: Context): Promise<Parsed> {
  const { table: tableParam } = await context.params;
  const table = z.enum(TABLE_NAMES).safeParse(tableParam);
  if (!table.success) return { ok: false, response: badRequest([{ param: "table", message: `Tables: ${TABLE_NAMES.join(", ")}` }]) };
  const params = new URL(request.url).searchParams;
  const format = formatSchema.safeParse(params.get("format") ?? undefined);
  const lang = langSchema.safeParse(params.get("lang") ?? undefined);
  const query = parseTableQueryStrict(table.data, params, ["format", "lang"]);
  const issues = [
    ...(format.success ? [] : [{ param: "format", message: format.error.issues[0]!.message }]),
    ...(lang.success ? [] : [{ param: "lang", message: lang.error.issues[0]!.message }]),
    ...(query.ok ? [] : query.issues),
  ];
  if (!format.success || !lang.success || !query.ok) return { ok: false, response: badRequest(issues) };
  // Every page of the view: page and size do not apply to a file.
  return { ok: true, query: { ...query.value, page: 1 }, format: format.data, lang: lang.data };
}

export async function GET(request: Request, context: Context): Promise<Response> {
  try {
    const actor = await apiActor(request);
    if (!actor) throw new UnauthenticatedError();
    const parsed = await parse(request, context);
    if (!parsed.ok) return parsed.response;
    const download = await startExport(actor, parsed.query, parsed.format, parsed.lang);
    return new Response(download.body, {
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

/**
 * Whether the same GET would start now, without starting it: the Export menu asks first,
 * so that a refusal (too many exports, a bad filter) is shown in the menu rather than as a
 * failed download. Same status codes as GET; no body, nothing recorded.
 */
export async function HEAD(request: Request, context: Context): Promise<Response> {
  let answer: Response;
  try {
    const actor = await apiActor(request);
    if (!actor) throw new UnauthenticatedError();
    const parsed = await parse(request, context);
    if (!parsed.ok) answer = parsed.response;
    else {
      await checkExport(actor, parsed.query);
      answer = new Response(null, { status: 200, headers: { "Cache-Control": "no-store" } });
    }
  } catch (error) {
    answer = errorResponse(error);
  }
  // The message travels in a header, since a HEAD answer has no body.
  const message = answer.ok ? null : ((await answer.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message;
  const headers = new Headers(answer.headers);
  headers.delete("content-type");
  if (message) headers.set("X-Error-Message", encodeURIComponent(message));
  return new Response(null, { status: answer.status, headers });
}
