"use client";
// A server-driven table: the rows of one page come from the server; sorting, paging and
// column choices change the URL (so a view can be bookmarked), and the server renders the
// new page. TanStack Table holds the column model and the visible/sorted state.
import { ArrowDown, ArrowUp, ArrowUpDown, LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useTransition, type KeyboardEvent } from "react";
import { columnVisibilityFeature, createColumnHelper, rowSortingFeature, tableFeatures, useTable, type SortingState } from "@tanstack/react-table";
import type { CellValue, TableName } from "@/lib/domain/tables/columns";
import { tableQueryString, type TableQuery } from "@/lib/domain/tables/query-string";
import type { TableRows } from "@/lib/domain/tables/rows";
import { useTranslations } from "use-intl";
import { useFormat } from "@/components/i18n/use-format";
import { CELL_RENDERERS, type CellContext } from "./cells";

const features = tableFeatures({ columnVisibilityFeature, rowSortingFeature });

/** A column as the browser needs it: its header in the page's language, and whether it sorts. */
export interface ColumnHeader {
  id: string;
  label: string;
  sortable: boolean;
  /** A first click sorts numbers largest first, text and dates from the start. */
  descFirst: boolean;
}

/**
 * What the server works out for each row (lib/domain/tables: the columns and descriptors stay
 * on the server, out of the browser's first load): where it leads, what it is called, its edit
 * link, and the plain values of the shown columns that have no cell renderer.
 */
export interface RowExtras {
  href: string | null;
  label: string;
  editHref: string | null;
  values: Record<string, CellValue>;
}

interface DataTableProps<T extends TableName> {
  table: T;
  rows: TableRows[T][];
  /** Every column of the table, in order (the visible ones are shown). */
  columns: ColumnHeader[];
  /** By row id (TanStack keeps a row by its id across pages, not its index). */
  extras: Record<string, RowExtras>;
  /** The edit link's words, when the table has one. */
  editLabel?: "changeStatus";
  query: TableQuery<T>;
  visibleColumns: string[];
  /** The path the table's URL state applies to (e.g. /presences or /countries/NER). */
  basePath: string;
  caption: string;
  /** The countries of these rows by ISO3, named in the page's language. */
  countryNames?: Record<string, string>;
}

export function DataTable<T extends TableName>({
  table,
  rows,
  columns: headers,
  extras,
  editLabel,
  query,
  visibleColumns,
  basePath,
  caption,
  countryNames = {},
}: DataTableProps<T>) {
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
      headers.map((column) =>
        // An accessor (not a display column): TanStack only offers sorting on columns with one.
        helper.accessor((row) => extras[String(row.id)]?.values[column.id] ?? null, {
          id: column.id,
          header: column.label,
          enableSorting: column.sortable,
          sortDescFirst: column.descFirst,
          cell: ({ row }) => renderers[column.id]?.(row.original, context) ?? extras[row.id]?.values[column.id] ?? "—",
        }),
      ),
    );
  }, [table, headers, extras, f, t, countryNames]);

  const sorting: SortingState = [{ id: query.sort.column, desc: query.sort.direction === "desc" }];
  const columnVisibility = Object.fromEntries(headers.map((c) => [c.id, visibleColumns.includes(c.id)]));
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
              {editLabel && (
                <th scope="col" className="px-2.5 py-2">
                  <span className="sr-only">{t("actions")}</span>
                </th>
              )}
            </tr>
          ))}
        </thead>
        <tbody>
          {tanstack.getRowModel().rows.map((row) => {
            const { href, label, editHref } = extras[row.id]!;
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
                {editLabel && (
                  <td className="px-2.5 py-2 text-right">
                    {editHref && (
                      <a
                        href={editHref}
                        className="inline-block rounded-md border border-slate-300 px-2 py-1 text-center text-sm font-medium text-slate-800 hover:bg-slate-100"
                        aria-label={`${t(editLabel)}: ${label}`}
                      >
                        {t(editLabel)}
                      </a>
                    )}
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
