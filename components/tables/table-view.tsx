// A complete table view: filters, column choice, export, the rows of the page and the pager.
// Used by the list pages and by the country and organisation pages (with a fixed filter).
import Link from "next/link";
import { countryNamesIn, listCountryOptions } from "@/lib/data/countries";
import { listRegions } from "@/lib/data/dashboard";
import type { Actor } from "@/lib/domain/actor";
import { savedColumns } from "@/lib/data/table-preferences";
import { listTablePage } from "@/lib/data/tables";
import { can } from "@/lib/domain/permissions";
import { defaultVisibleColumns, selectColumns, TABLE_COLUMNS, type TableName } from "@/lib/domain/tables/columns";
import { columnLabel } from "@/lib/domain/tables/column-labels";
import type { TableRows } from "@/lib/domain/tables/rows";
import { CELL_RENDERERS } from "./data-table/cells";
import type { ColumnHeader, RowExtras } from "./data-table/data-table";
import { parseTableQuery, tableQueryString, type FilterKey, type TableFilters } from "@/lib/domain/tables/query";
import type { SearchParams } from "@/lib/domain/view";
import { ColumnPicker } from "./data-table/column-picker";
import { DataTable } from "./data-table/data-table";
import { ExportMenu } from "./data-table/export-menu";
import { Pagination } from "./data-table/pagination";
import { TableToolbar } from "./data-table/table-toolbar";
import { asOfQuery } from "@/lib/domain/view-url";
import { hiddenWhenFixed, tableDescriptor } from "@/lib/domain/tables/descriptors";
import { areaByCode, areasOf } from "@/lib/domain/areas";
import { FEED_FILTER_KEYS, type FeedFilters } from "@/lib/domain/feeds";
import { FeedButton, type LeftOut } from "@/components/feeds/feed-button";
import { watchItemFor } from "@/lib/data/watchlist";
import { getFormat, getTranslations } from "@/lib/i18n/server";
import type { TableNoun } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/domain/locales";

/** Tables whose filters a feed can follow (the audit log is no stream of published changes). */
const FOLLOWABLE: readonly TableName[] = ["events", "presences"];

/** The view's filters a feed keeps, and what it leaves out (a feed follows what happens next). */
function feedOf(filters: TableFilters): { filters: FeedFilters; leftOut: LeftOut } {
  const kept = Object.fromEntries(FEED_FILTER_KEYS.filter((key) => filters[key] !== undefined).map((key) => [key, filters[key]]));
  const dates = Boolean(filters.from || filters.to);
  const leftOut = filters.q ? (dates ? "both" : "search") : dates ? "dates" : null;
  return { filters: kept as FeedFilters, leftOut };
}

/** The area filter offers the areas of the country in view; without one, only an area already chosen (from a link). */
function areaOptions(filters: TableFilters): { code: string; name: string }[] {
  if (filters.country) return areasOf(filters.country);
  const chosen = filters.area ? areaByCode(filters.area) : undefined;
  return chosen ? [chosen] : [];
}

/** The rows' countries named in the page's language (English rows already carry their names). */
async function rowCountryNames(actor: Actor, locale: Locale, rows: readonly object[]): Promise<Record<string, string>> {
  if (locale === "en") return {};
  const names = await countryNamesIn(actor, locale);
  const codes = new Set(rows.flatMap((row) => ("countryIso3" in row && typeof row.countryIso3 === "string" ? [row.countryIso3] : [])));
  return Object.fromEntries([...codes].map((iso3) => [iso3, names.get(iso3) ?? iso3]));
}

interface TableViewProps<T extends TableName> {
  actor: Actor;
  table: T;
  params: SearchParams;
  basePath: string;
  /** What the rows are: "presences", "events"… (lib/i18n/messages: table.nouns). */
  noun: TableNoun;
  caption: string;
  /** Filters the page sets (e.g. the country of a country page): applied, not shown, not in links. */
  fixed?: TableFilters;
  emptyHint?: string;
}

export async function TableView<T extends TableName>({ actor, table, params, basePath, noun, caption, fixed = {}, emptyHint }: TableViewProps<T>) {
  const [t, f] = [await getTranslations("table"), await getFormat()];
  const plural = t(`nouns.${noun}`, { count: 2 });
  const urlQuery = parseTableQuery(table, params);
  const query = { ...urlQuery, filters: { ...urlQuery.filters, ...fixed } };
  const followable = FOLLOWABLE.includes(table) && can(actor.role, "follow");
  const feed = feedOf(query.filters);
  const [page, regions, countries, saved, followingId] = await Promise.all([
    listTablePage(actor, query),
    listRegions(actor),
    listCountryOptions(actor, f.locale),
    urlQuery.columns ? null : savedColumns(actor, table),
    followable ? watchItemFor(actor, feed.filters) : null,
  ]);
  const countryNames = await rowCountryNames(actor, f.locale, page.rows);
  const hidden = hiddenWhenFixed(table, Object.keys(fixed) as FilterKey[]);
  // The user's columns, for the picker (which saves them for every page of this table) and
  // exports (a file leaves its page); the table on this page leaves out what would repeat it.
  const chosenColumns = selectColumns(table, urlQuery.columns ?? saved).map((c) => c.id);
  const visibleColumns = chosenColumns.filter((id) => !hidden.columns.has(id));
  const filtered = Object.keys(urlQuery.filters).length > 0;
  // What the browser's table needs from the column list and the descriptor, worked out here.
  const descriptor = tableDescriptor(table);
  const headers: ColumnHeader[] = TABLE_COLUMNS[table].map((c) => ({
    id: c.id,
    label: columnLabel(table, c.id, f.locale),
    sortable: Boolean(c.sortable),
    descFirst: c.kind === "number",
  }));
  const canEdit = can(actor.role, "editEvents") && descriptor.rowEdit !== undefined;
  const plain = TABLE_COLUMNS[table].filter((c) => visibleColumns.includes(c.id) && !(CELL_RENDERERS[table] as Record<string, unknown>)[c.id]);
  const carriedAsOf = asOfQuery(urlQuery);
  const extras: Record<string, RowExtras> = Object.fromEntries(
    page.rows.map((row: TableRows[T]) => {
      const iso3 = (row as { countryIso3?: string }).countryIso3;
      const country = (iso3 && countryNames[iso3]) || ((row as { countryName?: string }).countryName ?? "");
      const extra: RowExtras = {
        href: descriptor.rowHref(row, carriedAsOf),
        label: descriptor.rowLabel(row, f.locale, country),
        editHref: canEdit ? descriptor.rowEdit!.href(row) : null,
        values: Object.fromEntries(plain.map((c) => [c.id, c.value(row)])),
      };
      return [String(row.id), extra];
    }),
  );
  const clearHref = `${basePath}${asOfQuery(urlQuery)}`;

  return (
    <div className="space-y-3">
      <TableToolbar query={urlQuery} basePath={basePath} options={{ regions, countries, areas: areaOptions(query.filters), fixed: [...hidden.filters] }} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Pagination query={urlQuery} total={page.total} totalIsLowerBound={page.totalIsLowerBound} basePath={basePath} noun={noun} />
        <div className="flex items-center gap-2">
          <ColumnPicker
            query={urlQuery}
            columns={headers}
            defaults={defaultVisibleColumns(table)}
            visibleColumns={chosenColumns}
            basePath={basePath}
            omit={[...hidden.columns]}
          />
          {followable && <FeedButton {...feed} followingId={followingId} />}
          <ExportMenu query={query} visibleColumns={chosenColumns} rowCount={`${f.number(page.total)}${page.totalIsLowerBound ? "+" : ""}`} />
        </div>
      </div>
      {page.rows.length > 0 ? (
        <DataTable
          table={table}
          rows={page.rows}
          columns={headers}
          extras={extras}
          editLabel={canEdit ? descriptor.rowEdit!.label : undefined}
          query={urlQuery}
          visibleColumns={visibleColumns}
          basePath={basePath}
          caption={caption}
          countryNames={countryNames}
        />
      ) : (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center" data-testid="table-empty">
          <p className="font-medium text-slate-800">
            {page.total > 0 ? t("pastLastPage", { noun: plural }) : filtered ? t("noMatch", { noun: plural }) : t("noneRecorded", { noun: plural })}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {page.total > 0 ? (
              <Link href={`${basePath}${tableQueryString(urlQuery, { page: undefined })}`} className="underline">
                {t("firstPage")}
              </Link>
            ) : filtered ? (
              t.rich("tryFewer", {
                link: (text) => (
                  <Link href={clearHref} className="underline">
                    {text}
                  </Link>
                ),
              })
            ) : (
              (emptyHint ?? t("tryAnotherDate"))
            )}
          </p>
        </div>
      )}
    </div>
  );
}
