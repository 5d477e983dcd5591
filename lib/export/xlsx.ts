// Excel export through exceljs's streaming writer: rows are committed (written out and
// forgotten) batch by batch, dates are real dates, numbers real numbers, the header bold and
// frozen with an autofilter, and text cells neutralised against formula injection.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { CellValue, Column } from "@/lib/domain/tables/columns";
import { neutraliseFormula } from "@/lib/domain/tables/export-files";
import type { AboutRow } from "@/lib/domain/tables/about-sheet";

const NUMBER_FORMATS: Partial<Record<Column<unknown>["kind"], string>> = {
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm:ss",
  number: "#,##0",
};

function cell(value: CellValue, kind: Column<unknown>["kind"]): string | number | Date | null {
  if (value === null) return null;
  if (kind === "date" && typeof value === "string") return new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (kind === "datetime" && typeof value === "string") return new Date(value);
  if (typeof value === "string") return neutraliseFormula(value);
  return value;
}

/** How much the zip may hold that it has not compressed yet before rows wait. */
const MAX_PENDING_BYTES = 2 << 20;

/**
 * Bytes the worksheet has written that the zip has not compressed yet. exceljs pipes the
 * sheet's XML into the zip without heeding back-pressure (its StreamBuf ignores write()'s
 * answer), so a compressor slower than the rows would queue the whole sheet in memory:
 * four concurrent exports of a million rows reached 1.8 GB, and no byte came out before the
 * last row was read. The queue is the PassThrough
 * archiver puts behind the sheet's stream; reading it uses exceljs 4.4's internals (the
 * version is pinned, and a test checks that rows stop when nobody reads).
 */
function pendingInZip(sheet: ExcelJS.Worksheet): number {
  type State = { length?: number };
  const internal = sheet as unknown as { _stream?: { pipes?: { _readableState?: State; _writableState?: State }[] } };
  // archiver's PassThrough is readable-stream 2's: its queues are in the stream states.
  return (internal._stream?.pipes ?? []).reduce((sum, pipe) => sum + (pipe._readableState?.length ?? 0) + (pipe._writableState?.length ?? 0), 0);
}

/** The workbook as chunks of bytes; the next batch of rows is read only as the chunks are consumed. */
export async function* xlsxChunks<Row>(
  sheetName: string,
  columns: readonly Column<Row>[],
  batches: AsyncIterable<Row[]>,
  about?: readonly AboutRow[],
): AsyncGenerator<Uint8Array> {
  const output = new PassThrough({ highWaterMark: 1 << 20 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ key: c.id, width: c.width, style: NUMBER_FORMATS[c.kind] ? { numFmt: NUMBER_FORMATS[c.kind] } : {} }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.addRow(columns.map((c) => c.label));
  header.font = { bold: true };
  header.commit();

  // The writer pushes into `output` as rows are committed; it runs alongside the reader below.
  let failure: unknown;
  let stopped = false;
  const writing = (async () => {
    for await (const rows of batches) {
      if (stopped) return; // the reader went away: leaving the loop closes the database cursor
      for (const row of rows) sheet.addRow(columns.map((c) => cell(c.value(row), c.kind))).commit();
      // Back-pressure: wait while the reader has a full buffer to get through, or the zip has
      // a backlog to compress.
      while (!stopped && (output.readableLength > output.readableHighWaterMark || pendingInZip(sheet) > MAX_PENDING_BYTES)) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    sheet.commit();
    if (about) writeAboutSheet(workbook, about);
    await workbook.commit();
  })().catch((error: unknown) => {
    failure = error;
    output.destroy(error as Error);
  });

  try {
    for await (const chunk of output) yield chunk as Uint8Array;
    await writing;
    if (failure) throw failure;
  } finally {
    stopped = true;
    if (!output.destroyed) output.destroy();
    await writing;
  }
}

/** The "About" sheet, after the data (an import reads the first sheet): text only, neutralised like every cell. */
function writeAboutSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, rows: readonly AboutRow[]): void {
  const sheet = workbook.addWorksheet("About");
  sheet.columns = [{ width: 34 }, { width: 34 }, { width: 90 }, { width: 40 }];
  rows.forEach((row, index) => {
    const added = sheet.addRow(row.map((value) => (value === null ? null : neutraliseFormula(value))));
    // The title, and the first row of each block (a heading row follows an empty one).
    if (index === 0 || (index > 0 && rows[index - 1]!.length === 0 && row.length > 1)) added.font = { bold: true };
    added.commit();
  });
  sheet.commit();
}
