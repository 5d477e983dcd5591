"use client";
// Choose the visible columns: the choice goes into the URL (shareable) and is remembered
// for the user on the server, so the table opens the same way next time.
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Check, Columns3 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { resetColumnsAction, saveColumnsAction } from "@/app/actions/table-preferences";
import { defaultVisibleColumns, TABLE_COLUMNS, type TableName } from "@/lib/domain/tables/columns";
import { tableQueryString, type TableQuery } from "@/lib/domain/tables/query";

export function ColumnPicker({ query, visibleColumns, basePath }: { query: TableQuery; visibleColumns: string[]; basePath: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const table: TableName = query.table;

  function apply(columns: string[] | null) {
    setError(null);
    startTransition(async () => {
      const result = columns ? await saveColumnsAction({ table, columns }) : await resetColumnsAction({ table });
      if (!result.ok) setError(result.error);
      router.push(`${basePath}${tableQueryString(query, { cols: columns?.join(",") })}`, { scroll: false });
    });
  }

  function toggle(id: string) {
    const next = visibleColumns.includes(id) ? visibleColumns.filter((c) => c !== id) : [...visibleColumns, id];
    if (next.length === 0) return; // keep at least one column
    apply(TABLE_COLUMNS[table].map((c) => c.id).filter((c) => next.includes(c)));
  }

  return (
    <div className="flex items-center gap-2">
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      <DropdownMenu.Root>
        <DropdownMenu.Trigger className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100">
          <Columns3 aria-hidden className="size-4" /> Columns
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg">
            <DropdownMenu.Label className="px-2 py-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">Show columns</DropdownMenu.Label>
            {TABLE_COLUMNS[table].map((column) => (
              <DropdownMenu.CheckboxItem key={column.id} checked={visibleColumns.includes(column.id)}
                onSelect={(event) => { event.preventDefault(); toggle(column.id); }}
                className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-slate-100">
                <span className="flex size-4 items-center justify-center rounded border border-slate-400">
                  <DropdownMenu.ItemIndicator><Check aria-hidden className="size-3" /></DropdownMenu.ItemIndicator>
                </span>
                {column.label}
              </DropdownMenu.CheckboxItem>
            ))}
            <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
            <DropdownMenu.Item onSelect={() => apply(null)} disabled={visibleColumns.join() === defaultVisibleColumns(table).join()}
              className="cursor-pointer rounded px-2 py-1.5 outline-none data-[disabled]:cursor-default data-[disabled]:text-slate-400 data-[highlighted]:bg-slate-100">
              Reset to default columns
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </div>
  );
}
