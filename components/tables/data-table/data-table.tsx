"use client";
// A server-driven table: the rows of one page come from the server; sorting, paging and
// column choices change the URL (so a view can be bookmarked), and the server renders the
// new page. TanStack Table holds the column model and the visible/sorted state.
import { ArrowDown, ArrowUp, ArrowUpDown, LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useTransition, type KeyboardEvent } from "react";
import { columnVisibilityFeature, createColumnHelper, rowSortingFeature, tableFeatures, useTable, type SortingState } from "@tanstack/react-table";
import { TABLE_COLUMNS, type TableName } from "@/lib/domain/tables/columns";
import { tableQueryString, type TableQuery } from "@/lib/domain/tables/query-string";
import type { TableRows } from "@/lib/domain/tables/rows";
import { tableDescriptor } from "@/lib/domain/tables/descriptors";
import { useTranslations } from "use-intl";
import { useFormat } from "@/components/i18n/use-format";
import { columnLabel } from "@/lib/domain/tables/column-labels";
import { CELL_RENDERERS, type CellContext } from "./cells";
import { asOfQuery } from "@/lib/domain/view-url";

const features = tableFeatures({ columnVisibilityFeature, rowSortingFeature });

interface DataTableProps<T extends TableName> {
  table: T;
  rows: TableRows[T][];
  query: TableQuery<T>;
  visibleColumns: string[];
  /** The path the table's URL state applies to (e.g. /presences or /countries/NER). */
  basePath: string;
  caption: string;
  /** The countries of these rows by ISO3, named in the page's language. */
  countryNames?: Record<string, string>;
  /** Show each row's edit link (the server still checks the role on save). */
  canEdit?: boolean;
}

export function DataTable<T extends TableName>({
  table,
  rows,
  query,
  visibleColumns,
  basePath,
  caption,
  countryNames = {},
  canEdit = false,
}: DataTableProps<T>) {
  const descriptor = tableDescriptor(table);
  const t = useTranslations("table");
  const f = useFormat();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const navigate = (search: string) => startTransition(() => router.push(`${basePath}${search}`, { scroll: false }));

  const columns = useMemo(() => {
    const helper = createColumnHelper<typeof features, TableRows[T]>();
    const renderers = CELL_RENDERERS[table] as Record<string, ((row: TableRows[T], context: CellContext) => React.ReactNode) | undefined>;
    const context: CellContext = { f, t: (key, values) => t(key, values), country: (iso3, fallback) => countryNames[iso3] ?? fallback };
    return helper.columns(
      TABLE_COLUMNS[table].map((column) =>
        // An accessor (not a display column): TanStack only offers sorting on columns with one.
        helper.accessor((row) => column.value(row as never), {
          id: column.id,
          header: columnLabel(table, column.id, f.locale),
          enableSorting: Boolean(column.sortable),
          cell: ({ row }) => renderers[column.id]?.(row.original, context) ?? column.value(row.original as never) ?? "—",
        }),
      ),
    );
  }, [table, f, t, countryNames]);

  const sorting: SortingState = [{ id: query.sort.column, desc: query.sort.direction === "desc" }];
  const columnVisibility = Object.fromEntries(TABLE_COLUMNS[table].map((c) => [c.id, visibleColumns.includes(c.id)]));
  const tanstack = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => String(row.id),
    state: { sorting, columnVisibility },
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      // Sorting again by the same column flips it; the page goes back to the first.
      const direction = first ? (first.desc ? "desc" : "asc") : query.sort.direction === "desc" ? "asc" : "desc";
      navigate(tableQueryString(query, { sort: first?.id ?? query.sort.column, dir: direction, page: undefined }));
    },
  });

  const carriedAsOf = asOfQuery(query);
  const rowLabel = (row: TableRows[T]) => {
    const iso3 = (row as { countryIso3?: string }).countryIso3;
    const fallback = (row as { countryName?: string }).countryName ?? "";
    return descriptor.rowLabel(row, f.locale, (iso3 && countryNames[iso3]) || fallback);
  };

  function onRowKeyDown(event: KeyboardEvent<HTMLTableRowElement>, href: string | null) {
    const row = event.currentTarget;
    if (event.key === "Enter" && href) router.push(href);
    else if (event.key === "ArrowDown") (row.nextElementSibling as HTMLElement | null)?.focus();
    else if (event.key === "ArrowUp") (row.previousElementSibling as HTMLElement | null)?.focus();
    else return;
    event.preventDefault();
  }

  // No scroll box of its own: the page scrolls and the header sticks; long text wraps so the table fits its card.
  return (
    <div className="relative rounded-lg border border-slate-200 bg-white shadow-sm" aria-busy={pending}>
      {pending && (
        <div role="status" className="absolute right-3 top-3 z-20 flex items-center gap-2 rounded bg-white/90 px-2 py-1 text-sm text-slate-600 shadow">
          <LoaderCircle aria-hidden className="size-4 animate-spin" /> {t("loading")}
        </div>
      )}
      <table className={`w-full border-collapse text-left text-sm ${pending ? "opacity-60" : ""}`} data-testid={`${table}-table`}>
        <caption className="sr-only">{t("captionHelp", { caption })}</caption>
        <thead className="sticky top-0 z-10 bg-slate-50 shadow-[inset_0_-1px_0_theme(colors.slate.200)]">
          {tanstack.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const Icon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ArrowUpDown;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className="px-2.5 py-2 align-bottom font-semibold text-slate-700"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="inline-flex items-end gap-1 rounded text-left hover:text-slate-950 focus-visible:outline-2"
                      >
                        <tanstack.FlexRender header={header} />
                        <Icon aria-hidden className={`size-3.5 ${sorted ? "text-slate-900" : "text-slate-500"}`} />
                        <span className="sr-only">{sorted ? t(sorted === "asc" ? "sortedAscending" : "sortedDescending") : t("sort")}</span>
                      </button>
                    ) : (
                      <tanstack.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
              {canEdit && descriptor.rowEdit && (
                <th scope="col" className="px-2.5 py-2">
                  <span className="sr-only">{t("actions")}</span>
                </th>
              )}
            </tr>
          ))}
        </thead>
        <tbody>
          {tanstack.getRowModel().rows.map((row) => {
            const href = descriptor.rowHref(row.original, carriedAsOf);
            const label = rowLabel(row.original);
            return (
              <tr
                key={row.id}
                tabIndex={0}
                data-testid="table-row"
                aria-label={label}
                onClick={(event) => {
                  if (href && !(event.target as HTMLElement).closest("a, button")) router.push(href);
                }}
                onKeyDown={(event) => onRowKeyDown(event, href)}
                className={`border-t border-slate-100 align-top focus:bg-sky-50 focus:outline-2 focus:outline-sky-600 ${href ? "cursor-pointer hover:bg-slate-50" : ""}`}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="px-2.5 py-2 text-slate-700">
                    <tanstack.FlexRender cell={cell} />
                  </td>
                ))}
                {canEdit && descriptor.rowEdit && (
                  <td className="px-2.5 py-2 text-right">
                    <a
                      href={descriptor.rowEdit.href(row.original)}
                      className="inline-block rounded-md border border-slate-300 px-2 py-1 text-center text-sm font-medium text-slate-800 hover:bg-slate-100"
                      aria-label={`${t(descriptor.rowEdit.label)}: ${label}`}
                    >
                      {t(descriptor.rowEdit.label)}
                    </a>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
