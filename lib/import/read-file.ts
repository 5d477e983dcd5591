import "server-only";
// Reading an uploaded file as rows of text cells, streaming: CSV through csv-parse (UTF-8,
// checked as it is read), XLSX through exceljs's streaming reader (first sheet). What the
// first bytes are decides how it is read, whatever the name or the media type claim; a file
// that is neither, too large, not UTF-8 or without a header gets an ImportFileError whose
// message says so.
import { pipeline, Readable, Transform } from "node:stream";
import { parse } from "csv-parse";
import { IMPORT_MAX_BYTES } from "@/lib/domain/import-format";
import { isoDate } from "@/lib/domain/partial-date";

export type FileFormat = "csv" | "xlsx";

export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportFileError";
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // .xls, .doc
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** What the file's first bytes say it is. */
export function sniffFormat(head: Uint8Array, claimed: FileFormat | null): FileFormat {
  if (startsWith(head, ZIP)) return "xlsx";
  if (startsWith(head, OLE))
    throw new ImportFileError("This is an old Excel file (.xls). Save it as Excel Workbook (.xlsx) or as CSV UTF-8, then import that.");
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) throw new ImportFileError("This is a PDF, not a spreadsheet. Import a CSV, an HXL CSV or an XLSX file.");
  if (claimed === "xlsx") throw new ImportFileError("The file is not an Excel workbook (.xlsx), though it was sent as one. Send the file itself, or a CSV.");
  if (head.subarray(0, 4096).includes(0)) throw new ImportFileError("The file is not text (it holds binary data). Import a CSV, an HXL CSV or an XLSX file.");
  return "csv";
}

/** Counts bytes as they pass and stops a file over the limit; reports progress. */
function counted(source: AsyncIterable<Uint8Array>, onBytes: (total: number) => void): AsyncIterable<Uint8Array> {
  return (async function* () {
    let total = 0;
    for await (const chunk of source) {
      total += chunk.byteLength;
      if (total > IMPORT_MAX_BYTES)
        throw new ImportFileError(`The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB, the import limit. Split it into several files.`);
      onBytes(total);
      yield chunk;
    }
  })();
}

/** UTF-8 checked as it is read (a BOM is dropped): a Latin-1 or UTF-16 file is refused with a clear message. */
function utf8Text(): Transform {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  const refuse = () =>
    new ImportFileError("The file is not UTF-8 text. In Excel, save it as “CSV UTF-8 (Comma delimited)”; elsewhere, choose the UTF-8 encoding.");
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, done) {
      try {
        done(null, decoder.decode(chunk, { stream: true }));
      } catch {
        done(refuse());
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(refuse());
      }
    },
  });
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    // Excel days are stored at midnight UTC; a time of day is kept.
    return value.getUTCHours() || value.getUTCMinutes() || value.getUTCSeconds() ? value.toISOString() : isoDate(value);
  }
  if (typeof value === "object") {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[]; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join("");
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
    if (v.error) return "";
    return "";
  }
  return String(value);
}

async function* xlsxRows(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string[]> {
  const { default: ExcelJS } = await import("exceljs");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    sharedStrings: "cache",
    styles: "cache",
    worksheets: "emit",
    hyperlinks: "ignore",
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<{ values: unknown[] }>) {
        // exceljs's values start at index 1 (Excel's column A).
        yield Array.from((row.values as unknown[]).slice(1), cellText); // Array.from: empty cells are holes
      }
      return; // the first sheet only: an export has one, with its header in row 1
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError("The Excel file could not be read: it may be damaged, or not really an .xlsx file.");
  }
}

async function* csvRows(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string[]> {
  // pipeline: an encoding error ends the parser too (pipe() would leave it waiting).
  const parser = pipeline(
    Readable.from(bytes),
    utf8Text(),
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: false }),
    () => {},
  );
  try {
    for await (const record of parser) yield record as string[];
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const line = (error as { lines?: number }).lines;
    throw new ImportFileError(`The file is not valid CSV${line ? ` (line ${line})` : ""}: check its quotes, or save it again as CSV UTF-8.`);
  }
}

/**
 * The file's rows, streaming; `format` once the first bytes are seen. Empty trailing cells are
 * trimmed off each row; rows with nothing at all are left out.
 */
export async function openRows(
  body: AsyncIterable<Uint8Array>,
  claimed: FileFormat | null,
  onBytes: (total: number) => void = () => {},
): Promise<{ format: FileFormat; rows: AsyncGenerator<string[]> }> {
  const iterator = counted(body, onBytes)[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done || first.value.byteLength === 0) throw new ImportFileError("The file is empty.");
  const format = sniffFormat(first.value, claimed);
  const replay = (async function* () {
    yield first.value;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  })();
  const rows = format === "xlsx" ? xlsxRows(replay) : csvRows(replay);
  return {
    format,
    rows: (async function* () {
      for await (const cells of rows) {
        let end = cells.length;
        while (end > 0 && cells[end - 1]!.trim() === "") end--;
        if (end > 0) yield cells.slice(0, end);
      }
    })(),
  };
}
