// CSV written by PostgreSQL itself (COPY … TO STDOUT WITH CSV): each exported column as one
// SQL expression giving exactly the text the JavaScript writer (lib/export/csv.ts) would
// give for it, so that a file is the same bytes whichever writes it (tests/integration/
// csv-copy.test.ts compares them). What the writer does per cell is done here in SQL:
// - vocabulary labels, from the same maps (labelOf builds the CASE from them);
// - formula neutralisation of text cells (a leading =, +, -, @, tab or CR gets a quote);
// - an empty text is written as NULL: COPY quotes an empty string ("") where the writer
//   leaves the field empty.
// Quoting (",", quotes, line breaks) is COPY's own, which is the writer's rule (RFC 4180).
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Column } from "@/lib/domain/tables/columns";
import type { TableQuery } from "@/lib/domain/tables/query";
import { copyRowsSql, type TableDefinition } from "./table-sql";

/** A table's CSV expressions: one per column id, over the aliases of its `from` and `joins`. */
export interface CsvDefinition {
  /** LATERAL joins the expressions read (lists aggregated once per row, not once per column). */
  joins?: Prisma.Sql;
  columns: Record<string, Prisma.Sql>;
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Expressions whose every value is a label of the app's vocabulary: none starts like a formula, none is empty. */
const VOCABULARY = new WeakSet<Prisma.Sql>();

/** A vocabulary code as its label, from the same map the writer uses (labels are never empty, nor formulas). */
export function labelOf(code: Prisma.Sql, labels: Readonly<Record<string, string>>): Prisma.Sql {
  if (Object.values(labels).some((label) => label === "" || /^[=+\-@\t\r]/.test(label))) throw new Error("A label a spreadsheet would read as a formula");
  const branches = Object.entries(labels).map(([key, label]) => `WHEN ${literal(key)} THEN ${literal(label)}`);
  const expression = Prisma.sql`(CASE (${code})::text ${Prisma.raw(branches.join(" "))} END)`;
  VOCABULARY.add(expression);
  return expression;
}

/**
 * A text cell as the writer leaves it: NULL for empty (see above), and a quote before a
 * leading character a spreadsheet would read as a formula (neutraliseFormula in
 * lib/domain/tables/export-files.ts; PostgreSQL text cannot hold the NUL it also lists).
 */
const neutralised = (text: Prisma.Sql) => Prisma.sql`(CASE WHEN (${text}) = '' THEN NULL
  WHEN left(${text}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || (${text}) ELSE (${text}) END)`;

/**
 * The COPY statement for these columns of the view, or null when one of them has no SQL
 * form (the JavaScript writer then writes the file). COPY takes no parameters, so each is
 * inlined as a quoted literal: the text pg would have sent for it, untyped as pg sends it,
 * so PostgreSQL infers its type from its place exactly as it does for a parameter.
 */
export function copyCsvStatement(def: TableDefinition, query: TableQuery, columns: readonly Pick<Column<unknown>, "id" | "kind">[]): string | null {
  const csv = def.csv;
  if (!csv || columns.some((c) => !csv.columns[c.id])) return null;
  const select = Prisma.join(
    columns.map((c) => {
      const expression = csv.columns[c.id]!;
      return Prisma.sql`${c.kind === "text" && !VOCABULARY.has(expression) ? neutralised(expression) : expression} AS ${Prisma.raw(pg.escapeIdentifier(c.id))}`;
    }),
  );
  const sql = copyRowsSql(def, query, select, csv.joins ?? Prisma.empty);
  return `COPY (${inlineParameters(sql)}) TO STDOUT WITH (FORMAT csv)`;
}

function inlineParameters(sql: Prisma.Sql): string {
  return sql.text.replace(/\$(\d+)/g, (_, n: string) => {
    const value: unknown = sql.values[Number(n) - 1];
    return value === null || value === undefined ? "NULL" : pg.escapeLiteral(parameterText(value));
  });
}

/** The text pg sends for a parameter of the kinds table filters use (pg/lib/utils.js prepareValue). */
function parameterText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `{${value.map((v) => (v === null ? "NULL" : `"${parameterText(v).replace(/["\\]/g, (c) => `\\${c}`)}"`)).join(",")}}`;
  throw new Error(`A table filter's parameter of an unexpected kind: ${typeof value}`);
}
