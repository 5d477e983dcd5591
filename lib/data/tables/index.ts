import "server-only";
// Reading the tables: a page (with its total), a keyset slice (API) and a stream of
// every row in batches (exports). Every call checks the actor first.
import Cursor from "pg-cursor";
import pg from "pg";
import { readQuery } from "../read-routing";
import type { TableName } from "@/lib/domain/tables/columns";
import { TABLES } from "@/lib/domain/tables/descriptors";
import { decodeCursor, encodeCursor } from "@/lib/domain/tables/cursor";
import type { TableQuery } from "@/lib/domain/tables/query";
import type { TableRows } from "@/lib/domain/tables/rows";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/domain/actor";
import { auditTable, toAuditRow } from "./audit-table";
import { assessmentsTable, toAssessmentRow } from "./assessments-table";
import { DENSE_PAGE_MATCHES, eventsTable, searchProbeSql, toEventRow } from "./events-table";
import { organisationsTable, toOrganisationRow } from "./organisations-table";
import { presencesTable, toPresenceRow } from "./presences-table";
import { copyCsvStatement } from "./csv-sql";
import type { Column } from "@/lib/domain/tables/columns";
import { countLimit, countSql, exportSql, fitsSortKey, keysetSql, pageSql, type TableDefinition } from "./table-sql";
import { InvalidCursorError } from "@/lib/domain/errors";
import { assertKnownCountry } from "../countries";

type Row = Record<string, unknown>;

const SQL_TABLES: {
  [T in TableName]: { define: (query: TableQuery, options?: { denseSearch?: boolean }) => TableDefinition; toRow: (row: Row) => TableRows[T] };
} = {
  organisations: { define: organisationsTable, toRow: toOrganisationRow },
  presences: { define: presencesTable, toRow: toPresenceRow },
  events: { define: eventsTable, toRow: toEventRow },
  assessments: { define: assessmentsTable, toRow: toAssessmentRow },
  audit: { define: auditTable, toRow: toAuditRow },
};

// Dates and timestamps stay text (ISO), as the row shapes promise; everything else as pg parses it.
const KEEP_AS_TEXT = new Set([1082, 1114, 1184]);
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    KEEP_AS_TEXT.has(oid) ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

async function run(actor: Actor | null, sql: Prisma.Sql): Promise<Row[]> {
  const result = await readQuery<Row>(actor, { text: sql.text, values: sql.values, types });
  return result.rows;
}

/**
 * The table's SQL for a page and for its count. A search of the events table first counts
 * its matches (a capped, indexed probe of a few milliseconds) to choose between the two
 * forms of the search (events-table.ts): a page of a dense search walks the table's order
 * and stops after a page, its count too once the matches exceed what is counted at all.
 */
async function define(actor: Actor | null, query: TableQuery): Promise<{ page: TableDefinition; count: TableDefinition }> {
  const table = SQL_TABLES[query.table];
  if (query.table !== "events" || !query.filters.q) {
    const def = table.define(query);
    return { page: def, count: def };
  }
  const cap = countLimit(query);
  const probe = await run(actor, searchProbeSql(query.filters.q, cap));
  const matches = (probe[0]?.matches as number) ?? 0;
  return { page: table.define(query, { denseSearch: matches > DENSE_PAGE_MATCHES }), count: table.define(query, { denseSearch: matches >= cap }) };
}

export interface TablePage<T extends TableName> {
  rows: TableRows[T][];
  /** Rows in the view; when `totalIsLowerBound`, at least this many (see countSql). */
  total: number;
  totalIsLowerBound: boolean;
}

export async function listTablePage<T extends TableName>(actor: Actor | null, query: TableQuery<T>): Promise<TablePage<T>> {
  authorize(actor, TABLES[query.table].readAction);
  const table = SQL_TABLES[query.table];
  const def = await define(actor, query);
  const [rows, count] = await Promise.all([run(actor, pageSql(def.page, query)), run(actor, countSql(def.count, query))]);
  const counted = (count[0]?.total as number) ?? 0;
  const limit = countLimit(query);
  return {
    rows: rows.map((r) => table.toRow(r) as TableRows[T]),
    total: counted >= limit ? limit - 1 : counted,
    totalIsLowerBound: counted >= limit,
  };
}

export interface TableSlice<T extends TableName> {
  rows: TableRows[T][];
  nextCursor: string | null;
}

/** Up to `limit` rows after the cursor, in the view's order, and the cursor of the next slice. */
export async function listTableAfter<T extends TableName>(
  actor: Actor | null,
  query: TableQuery<T>,
  cursor: string | null,
  limit: number,
): Promise<TableSlice<T>> {
  authorize(actor, TABLES[query.table].readAction);
  await assertKnownCountry(query.filters.country);
  const after = cursor === null ? null : decodeCursor(query.sort, cursor);
  if (cursor !== null && !after) throw new InvalidCursorError();
  const table = SQL_TABLES[query.table];
  const def = (await define(actor, query)).page;
  if (after && !fitsSortKey(def, query, after)) throw new InvalidCursorError();
  const rows = await run(actor, keysetSql(def, query, after, limit + 1));
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(query.sort, { value: last.sort_key as string | number, id: last.row_id as number }) : null;
  return { rows: page.map((r) => table.toRow(r) as TableRows[T]), nextCursor };
}

/**
 * Every row of the view, in order, read through a server-side cursor in batches on the
 * export slot's connection: the next batch is fetched only when the consumer asks for it
 * (back-pressure), and stopping early (the client went away) closes the cursor. The slot
 * itself is given back by whoever holds it (lib/data/exports.ts), once the cursor is closed.
 */
export async function* streamTableRows<T extends TableName>(
  actor: Actor | null,
  query: TableQuery<T>,
  client: pg.PoolClient,
  // 500 rows a batch: four concurrent exports of 2,000-row batches peaked at 270-284 MB of
  // server memory, of 500 at 215 MB, at the same speed (npm run bench:abuse).
  batchSize = 500,
): AsyncGenerator<TableRows[T][]> {
  authorize(actor, TABLES[query.table].readAction);
  authorize(actor, "export");
  const table = SQL_TABLES[query.table];
  const sql = exportSql(table.define(query), query);
  const cursor = client.query(new Cursor<Row>(sql.text, sql.values, { types }));
  try {
    for (;;) {
      const rows = await cursor.read(batchSize);
      if (rows.length === 0) return;
      yield rows.map((r) => table.toRow(r) as TableRows[T]);
    }
  } finally {
    await cursor.close().catch(() => {});
  }
}

/**
 * The COPY statement that has PostgreSQL write these columns of the view as CSV rows, the
 * same rows in the same order as streamTableRows, or null when a column has no SQL form.
 */
export function copyCsvStatementOf<T extends TableName>(
  actor: Actor | null,
  query: TableQuery<T>,
  columns: readonly Pick<Column<unknown>, "id" | "kind">[],
): string | null {
  authorize(actor, TABLES[query.table].readAction);
  authorize(actor, "export");
  return copyCsvStatement(SQL_TABLES[query.table].define(query), query, columns);
}
