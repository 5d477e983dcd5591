// Export formats, file names and the spreadsheet-safety rule, shared by the Export menu,
// the export routes and the writers. No zod here: the Export menu runs in the browser.
import { isoDate } from "../partial-date";
import { STATUS_LABELS } from "../vocabulary";
import type { TableQuery } from "./query-string";

export const EXPORT_FORMATS = ["csv", "xlsx", "json", "hxl"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  csv: "CSV",
  xlsx: "Excel (XLSX)",
  json: "JSON",
  hxl: "HXL-tagged CSV",
};

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  hxl: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const EXTENSIONS: Record<ExportFormat, string> = { csv: "csv", hxl: "hxl.csv", json: "json", xlsx: "xlsx" };

const slug = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/[\s_]+/g, "-")
    .toLowerCase()
    .slice(0, 30);

/** What and when: `presences-NER-expelled-as-of-2025-06-30.csv`. */
export function exportFileName(query: TableQuery, format: ExportFormat): string {
  const f = query.filters;
  const parts: string[] = [query.table];
  if (f.country) parts.push(f.country);
  if (f.organisation) parts.push(`org-${f.organisation}`);
  if (f.region) parts.push(slug(f.region));
  if (f.type) parts.push(slug(f.type));
  if (f.status) parts.push(STATUS_LABELS[f.status].toLowerCase());
  if (f.kind) parts.push(slug(f.kind));
  if (f.q) parts.push(`matching-${slug(f.q)}`);
  if (f.from || f.to) parts.push(`${f.from ? isoDate(f.from) : "start"}-to-${f.to ? isoDate(f.to) : "end"}`);
  parts.push(`as-of-${isoDate(query.asOf)}`);
  return `${parts.filter(Boolean).join("-")}.${EXTENSIONS[format]}`;
}

/**
 * Spreadsheet formula injection: a text cell starting with = + - @, a tab, a carriage
 * return or NUL could be run as a formula by Excel or LibreOffice. Prefixing a single
 * quote makes it plain text (the OWASP CSV-injection advice).
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r\0]/.test(text) ? `'${text}` : text;
}
