// The generic half of every table query: one definition per table (what to select, from
// where, which filters, which sort keys) turned into the page, count, keyset (API) and
// export queries. Same WHERE and ORDER BY everywhere, so a page, an API call and an export
// of the same view always hold the same rows in the same order.
import { Prisma } from "@/lib/generated/prisma/client";
import type { TableQuery } from "@/lib/domain/tables/query";
import { STATUSES } from "@/lib/domain/vocabulary";
import { isCalendarDay } from "@/lib/domain/partial-date";
import type { CsvDefinition } from "./csv-sql";

/** "status": the Status enum, which sorts in declaration order (least to most severe). */
export type SortKeyType = "text" | "int" | "date" | "timestamp" | "status";

export interface SortKey {
  /**
   * Never NULL (use coalesce), so that keyset comparisons hold. Names sort with the ICU
   * root collation ("und-x-icu"): case- and accent-aware, whatever the database's locale.
   */
  expr: Prisma.Sql;
  type: SortKeyType;
}

export interface TableDefinition {
  /** CTEs, without the WITH keyword, or null. */
  ctes: Prisma.Sql | null;
  /** The select list: every column the row mapper reads. */
  select: Prisma.Sql;
  /** FROM and JOINs. */
  from: Prisma.Sql;
  /**
   * A cheaper FROM for counting, when the view's filters need none of the joins of `from`
   * and each of those joins matches exactly one row (a foreign key), so that the count is
   * the same.
   */
  countFrom?: Prisma.Sql;
  /**
   * Joins that only the rows selected need (e.g. a LATERAL subquery per row for the select
   * list): left out of counting, and applied after a page's ids are found.
   */
  selectJoins?: Prisma.Sql;
  conditions: Prisma.Sql[];
  /** Unique row id, the last sort key. */
  id: Prisma.Sql;
  sortKeys: Record<string, SortKey>;
  /**
   * Find a page's ids first, then join the select list (see slicedRowsSql). Worth it when
   * the select list runs per-row subqueries; not when its cost is a CTE shared by all rows.
   */
  deferredJoin?: boolean;
  /** The columns as PostgreSQL can write them to CSV itself (csv-sql.ts); none, the app writes the file. */
  csv?: CsvDefinition;
}

/** A LIKE pattern that matches the text literally anywhere. */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const withClause = (def: TableDefinition) => (def.ctes ? Prisma.sql`WITH ${def.ctes}` : Prisma.empty);
const whereClause = (conditions: Prisma.Sql[]) => (conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty);

function sortKey(def: TableDefinition, query: TableQuery): SortKey {
  const key = def.sortKeys[query.sort.column];
  if (!key) throw new Error(`No sort key for ${query.table}.${query.sort.column}`);
  return key;
}

function orderBy(def: TableDefinition, query: TableQuery): Prisma.Sql {
  const direction = query.sort.direction === "desc" ? Prisma.raw("DESC") : Prisma.raw("ASC");
  return Prisma.sql`ORDER BY ${sortKey(def, query).expr} ${direction}, ${def.id} ${direction}`;
}

function rowsSql(def: TableDefinition, query: TableQuery, extra: Prisma.Sql[], tail: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${withClause(def)}
    SELECT ${def.select}, ${sortKey(def, query).expr} AS sort_key, ${def.id} AS row_id
    ${def.from} ${def.selectJoins ?? Prisma.empty}
    ${whereClause([...def.conditions, ...extra])}
    ${orderBy(def, query)}
    ${tail}`;
}

/** Every row of the view in order, as the select list given (and the joins it reads) only: a CSV export by COPY. */
export function copyRowsSql(def: TableDefinition, query: TableQuery, select: Prisma.Sql, joins: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${withClause(def)}
    SELECT ${select}
    ${def.from} ${def.selectJoins ?? Prisma.empty} ${joins}
    ${whereClause(def.conditions)}
    ${orderBy(def, query)}`;
}

/**
 * A few rows of the view, found first by id and sort key only, then joined to their full
 * select list (a "deferred join"): the per-row subqueries (sources, disputes) then run for
 * the rows shown, not for every row skipped by OFFSET or sorted away.
 */
function slicedRowsSql(def: TableDefinition, query: TableQuery, extra: Prisma.Sql[], tail: Prisma.Sql): Prisma.Sql {
  if (def.deferredJoin === false) return rowsSql(def, query, extra, tail);
  const direction = query.sort.direction === "desc" ? Prisma.raw("DESC") : Prisma.raw("ASC");
  const ctes = def.ctes ? Prisma.sql`${def.ctes},` : Prisma.empty;
  return Prisma.sql`WITH ${ctes}
    slice AS (
      SELECT ${def.id} AS row_id, ${sortKey(def, query).expr} AS sort_key
      ${def.from}
      ${whereClause([...def.conditions, ...extra])}
      ${orderBy(def, query)}
      ${tail}
    )
    SELECT ${def.select}, slice.sort_key, slice.row_id
    ${def.from} JOIN slice ON slice.row_id = ${def.id} ${def.selectJoins ?? Prisma.empty}
    ORDER BY slice.sort_key ${direction}, slice.row_id ${direction}`;
}

export function pageSql(def: TableDefinition, query: TableQuery): Prisma.Sql {
  return slicedRowsSql(def, query, [], Prisma.sql`LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`);
}

/** Rows are counted up to this many (or just past the page asked for); beyond, "10,000+". */
export const COUNT_CAP = 10_000;

export function countLimit(query: TableQuery): number {
  return Math.max(COUNT_CAP, query.page * query.pageSize) + 1;
}

/**
 * The number of rows in the view, counting no further than countLimit(): an exact count of
 * a million events takes longer than the page itself, and nobody pages through them.
 */
export function countSql(def: TableDefinition, query: TableQuery): Prisma.Sql {
  return Prisma.sql`${withClause(def)} SELECT count(*)::int AS total FROM (
    SELECT 1 ${def.countFrom ?? def.from} ${whereClause(def.conditions)} LIMIT ${countLimit(query)}) counted`;
}

export function exportSql(def: TableDefinition, query: TableQuery): Prisma.Sql {
  return rowsSql(def, query, [], Prisma.empty);
}

export interface KeysetPosition {
  value: string | number;
  id: number;
}

const CASTS: Record<SortKeyType, Prisma.Sql> = {
  text: Prisma.raw("text"),
  int: Prisma.raw("int"),
  date: Prisma.raw("date"),
  timestamp: Prisma.raw("timestamp"),
  status: Prisma.raw('"Status"'),
};

const isInt4 = (value: number) => Number.isSafeInteger(value) && Math.abs(value) <= 2 ** 31 - 1;

const VALID_CURSOR_VALUE: Record<SortKeyType, (value: string | number) => boolean> = {
  text: (value) => typeof value === "string" && !value.includes("\u0000"), // PostgreSQL text cannot hold NUL
  int: (value) => typeof value === "number" && isInt4(value),
  date: (value) => typeof value === "string" && isCalendarDay(value),
  timestamp: (value) =>
    typeof value === "string" && /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)?$/.test(value) && isCalendarDay(value.slice(0, 10)),
  status: (value) => typeof value === "string" && (STATUSES as readonly string[]).includes(value),
};

/**
 * Whether a cursor position fits the sort key's type. A cursor is opaque but not signed:
 * one edited by hand must be refused before its value reaches a cast in SQL.
 */
export function fitsSortKey(def: TableDefinition, query: TableQuery, position: KeysetPosition): boolean {
  return isInt4(position.id) && VALID_CURSOR_VALUE[sortKey(def, query).type](position.value);
}

/** Rows after a position in the view's order (API cursor pagination). */
export function keysetSql(def: TableDefinition, query: TableQuery, after: KeysetPosition | null, limit: number): Prisma.Sql {
  const key = sortKey(def, query);
  const extra: Prisma.Sql[] = [];
  if (after) {
    const comparison = query.sort.direction === "desc" ? Prisma.raw("<") : Prisma.raw(">");
    extra.push(Prisma.sql`(${key.expr}, ${def.id}) ${comparison} (${String(after.value)}::${CASTS[key.type]}, ${after.id}::int)`);
  }
  return slicedRowsSql(def, query, extra, Prisma.sql`LIMIT ${limit}`);
}
