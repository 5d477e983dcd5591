// What each table is, in one place: its columns (columns.ts), who may read it, which filters
// it offers, its default sort, what its rows are called and where they lead. Pages, the
// toolbar, the API description, exports and the data layer all read it from here; the
// SQL of each table (lib/data/tables/*-table.ts) must give every sortable column a sort
// key, which a unit test checks.
import type { Action } from "../permissions";
import { vocabularyLabels } from "../vocabulary";
import type { Locale } from "../locales";
import { TABLE_COLUMNS, type Columns, type TableName } from "./columns";
import type { FilterKey, TableSort } from "./query-string";
import type { TableRows } from "./rows";
import { presenceName } from "../format";
import { CATEGORIES } from "../constraint-codes";
import { DEFAULT_SORTS } from "./default-sorts";

export interface TableDescriptor<T extends TableName> {
  columns: Columns<T>;
  /** The permission needed to read it (exports also need "export"). */
  readAction: Action;
  /** Its name as a heading, an XLSX sheet and in the API description. */
  title: string;
  /**
   * Columns every export holds, whatever is shown: the record's id and codes, and the
   * precision of every date (a month-precision day must not read as known to the day).
   */
  alwaysExported: readonly string[];
  /** The filters it offers, in the order the toolbar shows them. */
  filters: readonly FilterKey[];
  defaultSort: TableSort;
  /** What the from/to date filters filter on, and what the status filter is: message keys of the toolbar (table.*). */
  dateLabel: "date" | "since" | "logged" | "period";
  statusLabel: "status" | "resultingStatus";
  /** The page a row opens (with the as-of query carried over), or null when rows open nothing. */
  rowHref: (row: TableRows[T], asOfQuery: string) => string | null;
  /** What a row is called, for its link's accessible name (with the country's name in that language). */
  rowLabel: (row: TableRows[T], locale: Locale, countryName: string) => string;
  /**
   * On a page that fixes a filter (a country page, an organisation page), the columns and
   * filters that would only repeat it.
   */
  whenFixed?: Partial<Record<FilterKey, { columns: readonly string[]; filters: readonly FilterKey[] }>>;
  /** The edit action of a row, for roles that may edit; absent when the table has none. */
  rowEdit?: { label: "changeStatus"; href: (row: TableRows[T]) => string };
}

export const TABLES: { [T in TableName]: TableDescriptor<T> } = {
  organisations: {
    columns: TABLE_COLUMNS.organisations,
    readAction: "read",
    title: "Organisations",
    alwaysExported: ["id", "iatiId"],
    filters: ["q", "country", "region", "type", "status"],
    defaultSort: DEFAULT_SORTS.organisations,
    dateLabel: "date",
    statusLabel: "status",
    rowHref: (row, asOf) => `/organisations/${row.id}${asOf}`,
    rowLabel: (row) => row.name,
  },
  presences: {
    columns: TABLE_COLUMNS.presences,
    readAction: "read",
    title: "Presences",
    alwaysExported: ["id", "iso3", "iatiId", "sincePrecision"],
    filters: ["q", "country", "organisation", "region", "type", "status", "from", "to"],
    defaultSort: DEFAULT_SORTS.presences,
    dateLabel: "since",
    statusLabel: "status",
    // The organisation's page: its status in every country and its timeline.
    rowHref: (row, asOf) => `/organisations/${row.organisationId}${asOf}`,
    rowLabel: (row, locale, country) => presenceName(row.organisationName, country, locale),
    rowEdit: { label: "changeStatus", href: (row) => `/presences/${row.id}/change-status` },
    whenFixed: {
      organisation: { columns: ["organisation", "acronym", "type", "iatiId"], filters: ["type", "country"] },
      country: { columns: ["country"], filters: ["region"] },
    },
  },
  events: {
    columns: TABLE_COLUMNS.events,
    readAction: "read",
    title: "Events",
    alwaysExported: ["id", "iso3", "iatiId", "datePrecision", "areaCodes"],
    filters: ["q", "country", "organisation", "region", "type", "status", "kind", "pillar", "category", "area", "confidence", "from", "to"],
    defaultSort: DEFAULT_SORTS.events,
    dateLabel: "date",
    statusLabel: "resultingStatus",
    rowHref: (row, asOf) => `/events/${row.id}${asOf}`,
    rowLabel: (row, locale) =>
      `${locale === "fr" ? `Événement du ${row.occurredOn}` : `Event of ${row.occurredOn}`}: ${vocabularyLabels(locale).kind[row.kind]}${row.organisationName ? `, ${row.organisationName}` : ""}`,
  },
  assessments: {
    columns: TABLE_COLUMNS.assessments,
    readAction: "read",
    title: "Assessments",
    // An assessment's file always holds its nine scores, shown or not: its level alone cannot be checked.
    alwaysExported: ["id", "iso3", "areaCode", "from", "to", "level", "version", ...CATEGORIES],
    // from/to: assessments whose period overlaps the range.
    filters: ["country", "region", "area", "level", "from", "to"],
    defaultSort: DEFAULT_SORTS.assessments,
    dateLabel: "period",
    statusLabel: "status",
    rowHref: (row, asOf) => `/assessments/${row.id}${asOf}`,
    rowLabel: (row, locale, country) =>
      `${locale === "fr" ? "Évaluation" : "Assessment"}: ${row.area ? `${row.area.name}, ` : ""}${country}, ${row.from} – ${row.to}`,
    whenFixed: { country: { columns: ["country"], filters: ["region"] } },
  },
  audit: {
    columns: TABLE_COLUMNS.audit,
    readAction: "readAudit",
    title: "Audit log",
    alwaysExported: ["id"],
    filters: ["q", "actor", "action", "entityType", "hide", "from", "to"],
    defaultSort: DEFAULT_SORTS.audit,
    dateLabel: "logged",
    statusLabel: "status",
    rowHref: () => null,
    rowLabel: (row) => `${row.action} ${row.entityType} ${row.entityId}`,
  },
};

/** The descriptor of a table, typed for generic callers. */
export function tableDescriptor<T extends TableName>(table: T): TableDescriptor<T> {
  return TABLES[table] as TableDescriptor<T>;
}

/** What a page that fixes these filters leaves out of the table: repeated columns and pointless filters. */
export function hiddenWhenFixed(table: TableName, fixed: readonly FilterKey[]): { columns: Set<string>; filters: Set<FilterKey> } {
  const rules = fixed.flatMap((key) => TABLES[table].whenFixed?.[key] ?? []);
  return { columns: new Set(rules.flatMap((r) => r.columns)), filters: new Set([...fixed, ...rules.flatMap((r) => r.filters)]) };
}
