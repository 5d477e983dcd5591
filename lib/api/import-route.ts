import "server-only";
// POST /api/v1/imports: the file as the body. `?dryRun=true` answers the preview as JSON and
// keeps nothing; `?preview=true` keeps the preview for a later commit (the app's import page);
// otherwise the rows are committed at once, all or none, as drafts unless `?draft=false`. With `Accept: application/x-ndjson`
// the answer is a stream of progress lines ({"progress": {...}}) ending with {"result": ...} or
// {"error": ...}, for a progress bar.
import type { Actor } from "@/lib/domain/actor";
import { IMPORT_MAX_BYTES, IMPORT_TABLES, type ImportTable } from "@/lib/domain/import-format";
import { describeError, RuleError, UnauthenticatedError, UNEXPECTED, ERROR_STATUS, errorBody } from "@/lib/domain/errors";
import { commitImport, discardImport, ImportFileError, listImportRows, stageImport, type ImportProgress } from "@/lib/data/imports";
import { apiActor } from "./actor";
import { foreignOrigin } from "./body";
import { apiError, errorResponse } from "./respond";
import { uploadBody } from "./import-upload";

type Emit = (line: Record<string, unknown>) => void;
type Outcome = { status: number; body: unknown };

const fileError = (error: unknown) => (error instanceof ImportFileError ? new RuleError(error.message, "file") : error);

async function allRows(actor: Actor, id: number) {
  const rows = [];
  for (let page = 1; ; page++) {
    const batch = await listImportRows(actor, id, { page, size: 1000 });
    rows.push(...batch.rows);
    if (batch.rows.length < 1000) return rows;
  }
}

async function runImport(actor: Actor, request: Request, emit: Emit): Promise<Outcome> {
  const url = new URL(request.url);
  const flag = (name: string) => url.searchParams.get(name) === "true";
  const tableParam = url.searchParams.get("table");
  if (tableParam && !IMPORT_TABLES.includes(tableParam as ImportTable)) throw new RuleError(`table is one of ${IMPORT_TABLES.join(", ")}`, "table");
  const upload = await uploadBody(request);
  if (!upload.ok) return { status: 415, body: errorBody("unsupported_media_type", upload.message) };
  const total = Number(request.headers.get("content-length") ?? 0) || null;
  const onProgress = (progress: ImportProgress) => emit({ progress: { ...progress, total } });
  const staged = await stageImport(actor, upload, { ...(tableParam ? { table: tableParam as ImportTable } : {}), onProgress });
  if (flag("dryRun")) {
    const rows = await allRows(actor, staged.id);
    await discardImport(actor, staged.id);
    return { status: 200, body: { dryRun: true, table: staged.summary.table, missing: staged.summary.missing, counts: staged.summary.counts, rows } };
  }
  if (flag("preview"))
    return { status: 201, body: { id: staged.id, table: staged.summary.table, missing: staged.summary.missing, counts: staged.summary.counts } };
  if (staged.summary.missing.length || staged.errorRows) {
    const errors = (await listImportRows(actor, staged.id, { only: "error", size: 100 })).rows;
    await discardImport(actor, staged.id);
    const message = !staged.summary.table
      ? "Nothing was imported: the file's columns were not recognised as events, presences or organisations (by header or HXL tag). Name the table with ?table=, or map the columns on the Import page. The audit log cannot be imported."
      : staged.summary.missing.length
        ? `Nothing was imported: the columns for ${staged.summary.missing.join(", ")} were not found (by header or HXL tag).`
        : `Nothing was imported: ${staged.errorRows} row${staged.errorRows === 1 ? " has" : "s have"} errors.`;
    return { status: 422, body: errorBody("invalid_input", message, { rows: errors.map((r) => ({ line: r.line, errors: r.errors })) }) };
  }
  // Drafts unless `?draft=false` publishes them.
  const committed = await commitImport(actor, staged.id, { draft: url.searchParams.get("draft") !== "false" }, (rows) =>
    emit({ progress: { phase: "commit", rows } }),
  );
  return { status: 201, body: committed };
}

function failure(error: unknown): Outcome {
  const answer = describeError(fileError(error));
  if (!answer) console.error("[api] import failed", error);
  const { code, message, issues } = answer ?? UNEXPECTED;
  return { status: ERROR_STATUS[code], body: errorBody(code, message, issues ? { issues } : {}) };
}

export async function postImport(request: Request): Promise<Response> {
  try {
    const actor = await apiActor(request);
    if (!actor) throw new UnauthenticatedError();
    const refused = foreignOrigin(request);
    if (refused) return refused;
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (declared > IMPORT_MAX_BYTES) return apiError("payload_too_large", `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB, the import limit.`);
    if (!(request.headers.get("accept") ?? "").includes("application/x-ndjson")) {
      const outcome = await runImport(actor, request, () => {}).catch(failure);
      return Response.json(outcome.body, { status: outcome.status, headers: { "Cache-Control": "no-store" } });
    }
    return ndjson((emit) => runImport(actor, request, emit));
  } catch (error) {
    return errorResponse(fileError(error));
  }
}

/** Streams progress lines while `run` works, then its outcome as the last line. */
export function ndjson(run: (emit: Emit) => Promise<Outcome>): Response {
  const encoder = new TextEncoder();
  let last = 0;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const emit: Emit = (line) => {
        const now = Date.now();
        if (now - last < 200) return; // a few lines a second are enough for a progress bar
        last = now;
        controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      };
      run(emit)
        .catch(failure)
        .then((outcome) => {
          const line = outcome.status < 300 ? { status: outcome.status, result: outcome.body } : { status: outcome.status, ...(outcome.body as object) };
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
          controller.close();
        });
    },
  });
  return new Response(stream, { status: 200, headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}
