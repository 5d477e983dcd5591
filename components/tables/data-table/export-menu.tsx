"use client";
// Export the current view (filters, sort, as-of date, visible columns; every page) as a
// file. Plain download links to the export route, which streams the file.
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Download } from "lucide-react";
import { EXPORT_FORMAT_LABELS, EXPORT_FORMATS } from "@/lib/domain/tables/export-files";
import { tableQueryString, type TableQuery } from "@/lib/domain/tables/query";

export function ExportMenu({ query, visibleColumns, total }: { query: TableQuery; visibleColumns: string[]; total: number }) {
  const href = (format: string) =>
    `/api/v1/export/${query.table}${tableQueryString(query, { format, page: undefined, size: undefined, cols: visibleColumns.join(",") })}`;
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="inline-flex items-center gap-2 rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
        <Download aria-hidden className="size-4" /> Export
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-64 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg">
          <DropdownMenu.Label className="px-2 py-1.5 text-xs text-slate-500">
            All {total.toLocaleString("en-GB")} rows of this view, visible columns
          </DropdownMenu.Label>
          {EXPORT_FORMATS.map((format) => (
            <DropdownMenu.Item key={format} asChild className="block cursor-pointer rounded px-2 py-1.5 outline-none data-[highlighted]:bg-slate-100">
              <a href={href(format)} download data-format={format}>{EXPORT_FORMAT_LABELS[format]}</a>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
