"use client";
// Choose the visible columns: the choice goes into the URL (shareable) and is remembered
// for the user on the server, so the table opens the same way next time.
import { Columns3 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useOptimistic, useState, useTransition } from "react";
import { resetColumnsAction, saveColumnsAction } from "@/lib/actions/table-preferences";
import { PopoverMenu } from "@/components/ui/popover-menu";
import type { TableName } from "@/lib/domain/tables/columns";
import { tableQueryString, type TableQuery } from "@/lib/domain/tables/query-string";
import { callAction } from "@/lib/actions/call";
import { useTranslations } from "use-intl";
import type { ColumnHeader } from "./data-table";

export function ColumnPicker({
  query,
  columns,
  defaults,
  visibleColumns,
  basePath,
  omit = [],
}: {
  query: TableQuery;
  /** Every column of the table, in order, with its header in the page's language. */
  columns: ColumnHeader[];
  /** The table's default columns (reset). */
  defaults: string[];
  visibleColumns: string[];
  basePath: string;
  /** Columns this page leaves out (they would repeat what the page is about). */
  omit?: string[];
}) {
  const t = useTranslations("table");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // Ticked at once, while the choice is saved and the table reloads.
  const [shown, setShown] = useOptimistic(visibleColumns);
  const table: TableName = query.table;

  function apply(chosen: string[] | null) {
    setError(null);
    startTransition(async () => {
      setShown(chosen ?? defaults);
      const result = await callAction(() => (chosen ? saveColumnsAction({ table, columns: chosen }) : resetColumnsAction({ table })));
      if (!result.ok) setError(result.error);
      router.push(`${basePath}${tableQueryString(query, { cols: chosen?.join(",") })}`, { scroll: false });
    });
  }

  function toggle(id: string) {
    const next = shown.includes(id) ? shown.filter((c) => c !== id) : [...shown, id];
    if (next.length === 0) return; // keep at least one column
    apply(columns.map((c) => c.id).filter((c) => next.includes(c)));
  }

  return (
    <div className="flex items-center gap-2">
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <PopoverMenu
        label={
          <>
            <Columns3 aria-hidden className="size-4" /> {t("columns")}
          </>
        }
        className="inline-flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
      >
        <fieldset className="space-y-0.5" aria-busy={pending}>
          <legend className="px-2 py-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("showColumns")}</legend>
          {columns
            .filter((column) => !omit.includes(column.id))
            .map((column) => (
              <label key={column.id} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 hover:bg-slate-100">
                <input
                  type="checkbox"
                  className="size-4"
                  checked={shown.includes(column.id)}
                  onChange={() => toggle(column.id)}
                  disabled={shown.length === 1 && shown.includes(column.id)}
                />
                {column.label}
              </label>
            ))}
        </fieldset>
        <div className="mt-1 border-t border-slate-200 pt-1">
          <button
            type="button"
            onClick={() => apply(null)}
            disabled={pending || shown.join() === defaults.join()}
            className="w-full rounded px-2 py-1.5 text-left hover:bg-slate-100 disabled:cursor-default disabled:text-slate-500"
          >
            {t("resetColumns")}
          </button>
        </div>
      </PopoverMenu>
    </div>
  );
}
