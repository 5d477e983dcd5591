import "server-only";
import type { Locale } from "@/lib/domain/locales";
import { columnLabel } from "@/lib/domain/tables/column-labels";
// Starting an export: check the actor, its export budget (lib/domain/rate-limits.ts) and a
// slot of the export budget (lib/data/export-slots.ts), record who exported what with which
// filters, and hand back the file name, content type and the byte stream. The slot is given
// back when the stream ends, whether it finished, failed, was cancelled or timed out.
import { hostname } from "node:os";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { exportColumns, selectColumns, type TableName } from "@/lib/domain/tables/columns";
import { EXPORT_CONTENT_TYPES, exportFileName, type ExportFormat } from "@/lib/domain/tables/export-files";
import type { TableQuery } from "@/lib/domain/tables/query";
import { isoDate } from "@/lib/domain/view";
import { ExportTimeoutError, exportChunks, toByteStream } from "@/lib/export";
import { authorize, type Actor } from "@/lib/domain/actor";
import { recordAudit } from "./audit";
import { acquireExportSlot, exportWouldStart } from "./export-slots";
import { consumeRateLimit, peekRateLimit } from "./rate-limit";
import { copyCsvStatementOf, streamTableRows } from "./tables";
import { copyCsvChunks } from "@/lib/export/copy-csv";
import { csvHeader } from "@/lib/export/csv";
import { TABLES } from "@/lib/domain/tables/descriptors";
import { aboutSheetRows } from "@/lib/domain/tables/about-sheet";
import { savedColumns } from "./table-preferences";
import { RateLimitedError } from "@/lib/domain/errors";
import { assertKnownCountry } from "./countries";

const exportBudgetSpent = (wait: number) =>
  new RateLimitedError(wait, "exports", `You have started as many exports as one person may in a few minutes. Try again in ${wait} s.`);

export interface ExportDownload {
  fileName: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

export async function startExport<T extends TableName>(
  actor: Actor | null,
  query: TableQuery<T>,
  format: ExportFormat,
  lang: Locale = "en",
): Promise<ExportDownload> {
  const user = authorize(actor, "export");
  authorize(user, TABLES[query.table].readAction);
  await assertKnownCountry(query.filters.country);
  const budget = await consumeRateLimit(`export:${user.id}`, "export");
  if (budget !== null) throw exportBudgetSpent(budget);
  // Without `cols`, the export holds the columns the user sees in the table; with or without,
  // it also holds the record ids, codes and date precisions (alwaysExported).
  const chosen = selectColumns(query.table, query.columns ?? (await savedColumns(user, query.table)));
  // Headers in the language asked for; ids, HXL tags and values stay as they are, so that a file imports back either way.
  const columns = exportColumns(query.table, chosen, TABLES[query.table].alwaysExported).map((column) => ({
    ...column,
    label: columnLabel(query.table, column.id, lang),
  }));
  const fileName = exportFileName(query, format);
  const filters = Object.fromEntries(Object.entries(query.filters).map(([k, v]) => [k, v instanceof Date ? isoDate(v) : v]));
  const slot = await acquireExportSlot(user);
  try {
    await recordAudit(db(), {
      actorId: user.id,
      action: "export",
      entityType: "Table",
      entityId: query.table,
      after: {
        format,
        fileName,
        asOf: isoDate(query.asOf),
        filters,
        sort: `${query.sort.column} ${query.sort.direction}`,
        columns: columns.map((c) => c.id),
        ...(lang === "en" ? {} : { lang }),
      },
    });
    const { EXPORT_STALL_SECONDS, EXPORT_MAX_SECONDS } = getEnv();
    const about =
      format === "xlsx"
        ? aboutSheetRows(
            {
              table: query.table,
              title: TABLES[query.table].title,
              filters: Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, String(v)])),
              asOf: isoDate(query.asOf),
              generatedAt: new Date().toISOString(),
              instance: `${process.env.NEXTAUTH_URL ?? "Access Monitor"} (server ${hostname()})`,
            },
            columns,
          )
        : undefined;
    // CSV and HXL by PostgreSQL's COPY where every column has an SQL form (the same bytes, at COPY's speed).
    const copy = format === "csv" || format === "hxl" ? copyCsvStatementOf(user, query, columns) : null;
    const chunks = copy
      ? copyCsvChunks(slot.reader, csvHeader(columns, { hxl: format === "hxl" }), copy, slot.release)
      : exportChunks(format, TABLES[query.table].title, columns, streamTableRows(user, query, slot.reader), about);
    const body = toByteStream(chunks, {
      onError: (error) => console.error("[export] failed while streaming", error),
      // A timed-out export's connection may be mid-query: it is closed rather than reused.
      onClose: (error) => slot.release(error instanceof ExportTimeoutError || !error ? undefined : error),
      stallMs: EXPORT_STALL_SECONDS * 1000,
      maxMs: EXPORT_MAX_SECONDS * 1000,
    });
    return { fileName, contentType: EXPORT_CONTENT_TYPES[format], body };
  } catch (error) {
    await slot.release();
    throw error;
  }
}

/** For the Export menu: would this export start now? Checks everything but takes nothing. */
export async function checkExport<T extends TableName>(actor: Actor | null, query: TableQuery<T>): Promise<void> {
  const user = authorize(actor, "export");
  authorize(user, TABLES[query.table].readAction);
  await assertKnownCountry(query.filters.country);
  const wait = await peekRateLimit(`export:${user.id}`, "export");
  if (wait !== null) throw exportBudgetSpent(wait);
  const refusal = await exportWouldStart(user);
  if (refusal) throw refusal;
}
