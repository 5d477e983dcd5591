import "server-only";
// Starting an export: check the actor, record who exported what with which filters, and
// hand back the file name, content type and the chunks to stream.
import { db } from "@/lib/db";
import { selectColumns, type TableName } from "@/lib/domain/tables/columns";
import { EXPORT_CONTENT_TYPES, exportFileName, type ExportFormat } from "@/lib/domain/tables/export-files";
import type { TableQuery } from "@/lib/domain/tables/query";
import { isoDate } from "@/lib/domain/view";
import { exportChunks } from "@/lib/export";
import { authorize, type Actor } from "./actor";
import { streamTableRows, TABLE_READ_ACTION } from "./tables";
import { savedColumns } from "./table-preferences";

const SHEET_NAMES: Record<TableName, string> = {
  organisations: "Organisations",
  presences: "Presences",
  events: "Events",
  audit: "Audit log",
};

export interface ExportDownload {
  fileName: string;
  contentType: string;
  chunks: AsyncGenerator<string | Uint8Array>;
}

export async function startExport<T extends TableName>(actor: Actor | null, query: TableQuery<T>, format: ExportFormat): Promise<ExportDownload> {
  const user = authorize(actor, "export");
  authorize(user, TABLE_READ_ACTION[query.table]);
  // Without `cols`, the export holds the columns the user sees in the table.
  const columns = selectColumns(query.table, query.columns ?? (await savedColumns(user, query.table)));
  const fileName = exportFileName(query, format);
  await db().auditEntry.create({
    data: {
      actorId: user.id,
      action: "export",
      entityType: "Table",
      entityId: query.table,
      after: {
        format,
        fileName,
        asOf: isoDate(query.asOf),
        filters: Object.fromEntries(Object.entries(query.filters).map(([k, v]) => [k, v instanceof Date ? isoDate(v) : v])),
        sort: `${query.sort.column} ${query.sort.direction}`,
        columns: columns.map((c) => c.id),
      },
    },
  });
  return {
    fileName,
    contentType: EXPORT_CONTENT_TYPES[format],
    chunks: exportChunks(format, SHEET_NAMES[query.table], columns, streamTableRows(user, query)),
  };
}
