"use client";
// Export the current view (filters, sort, as-of date, visible columns; every page) as a
// file. Plain download links to the export route, which streams the file.
import { Download } from "lucide-react";
import { PopoverMenu } from "@/components/ui/popover-menu";
import { EXPORT_FORMAT_LABELS, EXPORT_FORMATS } from "@/lib/domain/tables/export-files";
import { tableQueryString, type TableQuery } from "@/lib/domain/tables/query-string";

export function ExportMenu({ query, visibleColumns, rowCount }: { query: TableQuery; visibleColumns: string[]; rowCount: string }) {
  const href = (format: string) =>
    `/api/v1/export/${query.table}${tableQueryString(query, { format, page: undefined, size: undefined, cols: visibleColumns.join(",") })}`;
  return (
    <PopoverMenu
      label={<><Download aria-hidden className="size-4" /> Export</>}
      className="inline-flex cursor-pointer items-center gap-2 rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
    >
      <p className="px-2 py-1.5 text-xs text-slate-500">All {rowCount} rows of this view, visible columns</p>
      <ul>
        {EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <a href={href(format)} download data-format={format} className="block rounded px-2 py-1.5 hover:bg-slate-100 focus:bg-slate-100">
              {EXPORT_FORMAT_LABELS[format]}
            </a>
          </li>
        ))}
      </ul>
    </PopoverMenu>
  );
}
