// RFC 4180 CSV (comma, CRLF line ends, double quotes doubled) in UTF-8, with text cells
// neutralised against formula injection. HXL is the same with a hashtag row under the header.
import type { CellValue, Column } from "@/lib/domain/tables/columns";
import { neutraliseFormula } from "@/lib/domain/tables/export-files";

export function csvField(value: CellValue, kind: Column<unknown>["kind"]): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = kind === "text" ? neutraliseFormula(value) : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: string[]) => `${cells.join(",")}\r\n`;

/** The header line, and for HXL the hashtag line under it. */
export function csvHeader(columns: readonly Pick<Column<unknown>, "label" | "hxl">[], { hxl = false } = {}): string {
  return line(columns.map((c) => csvField(c.label, "text"))) + (hxl ? line(columns.map((c) => c.hxl)) : "");
}

export async function* csvLines<Row>(columns: readonly Column<Row>[], batches: AsyncIterable<Row[]>, { hxl = false } = {}): AsyncGenerator<string> {
  yield csvHeader(columns, { hxl });
  for await (const rows of batches) {
    let chunk = "";
    for (const row of rows) chunk += line(columns.map((c) => csvField(c.value(row), c.kind)));
    yield chunk;
  }
}
