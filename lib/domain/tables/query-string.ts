// The parts of a table query that the browser needs (types, defaults and the URL writer),
// kept free of zod so that table pages do not ship the validation library to the client.
import type { AuditAction, AuditEntityType } from "../audit-actions";
import type { Category, Pillar } from "../constraints";
import type { Confidence, EventKind, OrganisationType, Status } from "../vocabulary";
import type { TableName } from "./columns";
import { DEFAULT_SORTS } from "./default-sorts";
import { queryString } from "../view-url";

/** Every filter a table may have (the rules for their values are in query.ts). */
export interface TableFilters {
  q?: string;
  country?: string;
  organisation?: number;
  region?: string;
  type?: OrganisationType;
  status?: Status;
  kind?: EventKind;
  category?: Category;
  pillar?: Pillar;
  /** A first-level area, by ISO 3166-2 code (e.g. NE-6). */
  area?: string;
  confidence?: Confidence;
  /** An access level, 0–5 (assessments). */
  level?: number;
  actor?: string;
  action?: AuditAction;
  entityType?: AuditEntityType;
  /** Audit log: leave out entries of this kind ("exports": every download is logged, and they are many). */
  hide?: "exports";
  from?: Date;
  to?: Date;
}
export type FilterKey = keyof TableFilters;

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
export const PAGE_SIZES = [25, 50, 100, 200] as const;

export type SortDirection = "asc" | "desc";
export interface TableSort {
  column: string;
  direction: SortDirection;
}

export interface TableQuery<T extends TableName = TableName> {
  table: T;
  asOf: Date;
  asOfExplicit: boolean;
  filters: TableFilters;
  sort: TableSort;
  page: number;
  pageSize: number;
  /** Visible columns from the URL; null means the user's saved choice or the default. */
  columns: string[] | null;
}

/** The query string of a table view (only what differs from the defaults), with overrides. */
export function tableQueryString(query: TableQuery, overrides: Record<string, string | number | undefined> = {}): string {
  const defaults = DEFAULT_SORTS[query.table];
  const sortIsDefault = query.sort.column === defaults.column && query.sort.direction === defaults.direction;
  return queryString({
    asOf: query.asOfExplicit ? query.asOf : undefined,
    ...query.filters,
    sort: sortIsDefault ? undefined : query.sort.column,
    dir: sortIsDefault ? undefined : query.sort.direction,
    size: query.pageSize === DEFAULT_PAGE_SIZE ? undefined : query.pageSize,
    page: query.page === 1 ? undefined : query.page,
    cols: query.columns?.join(","),
    ...overrides,
  });
}
