// What a table shows: filters, sort, page, visible columns and the as-of date. The same
// definition serves the URL of a table page (lenient: a bad value is dropped, as documenso
// does), the JSON API and the export routes (strict: a bad value is a 400 with the reason).
import { z } from "zod";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from "../audit-actions";
import { queryText } from "../text";
import { isoDay } from "../view";
import { effectiveAsOf, firstValues, orderedRange, type SearchParams } from "../view-url";
import { areaCodeSchema } from "../area-code";
import { CATEGORIES, PILLARS } from "../constraints";
import { CONFIDENCES, EVENT_KINDS, ISO3_CODE, ORGANISATION_TYPES, STATUSES } from "../vocabulary";
import { sortableColumns, TABLE_COLUMNS, type TableName } from "./columns";
import { TABLES } from "./descriptors";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type FilterKey, type SortDirection, type TableFilters, type TableQuery } from "./query-string";

export * from "./query-string";

/** Every filter a table may have, with the rule for its value. */
export const FILTER_SCHEMAS = {
  q: queryText(100),
  country: z
    .string()
    .trim()
    .regex(ISO3_CODE, "Use an ISO 3166 alpha-3 code, e.g. NER")
    .transform((v) => v.toUpperCase()),
  region: queryText(40),
  organisation: z.coerce.number().int().positive().max(2_147_483_647),
  type: z.enum(ORGANISATION_TYPES),
  status: z.enum(STATUSES),
  kind: z.enum(EVENT_KINDS),
  category: z.enum(CATEGORIES),
  pillar: z.enum(PILLARS),
  area: areaCodeSchema(),
  confidence: z.enum(CONFIDENCES),
  level: z.coerce.number().int().min(0, "An access level from 0 to 5").max(5, "An access level from 0 to 5"),
  actor: queryText(200),
  action: z.enum(AUDIT_ACTIONS),
  entityType: z.enum(AUDIT_ENTITY_TYPES),
  hide: z.enum(["exports"]),
  from: isoDay,
  to: isoDay,
} satisfies { [K in FilterKey]: z.ZodType<NonNullable<TableFilters[K]>> };

function paramsSchema(table: TableName, strict: boolean) {
  const sortable = sortableColumns(table) as [string, ...string[]];
  const columnIds = new Set(TABLE_COLUMNS[table].map((c) => c.id));
  const lenient = <S extends z.ZodType>(schema: S) => (strict ? schema.optional() : schema.optional().catch(undefined));
  const filters = Object.fromEntries(TABLES[table].filters.map((key) => [key, lenient(FILTER_SCHEMAS[key])]));
  return z.object({
    ...filters,
    asOf: lenient(isoDay),
    page: lenient(z.coerce.number().int().min(1).max(1_000_000)),
    size: lenient(z.coerce.number().int().min(1).max(MAX_PAGE_SIZE, `At most ${MAX_PAGE_SIZE} rows per page`)),
    sort: lenient(z.enum(sortable, `Sortable columns: ${sortable.join(", ")}`)),
    dir: lenient(z.enum(["asc", "desc"])),
    cols: lenient(
      z
        .string()
        .max(500)
        .transform((text) =>
          text
            .split(",")
            .map((id) => id.trim())
            .filter(Boolean),
        )
        .refine((ids) => ids.length > 0 && ids.every((id) => columnIds.has(id)), `Columns: ${[...columnIds].join(", ")}`),
    ),
  });
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: { param: string; message: string }[] };

function build<T extends TableName>(table: T, raw: Record<string, unknown>, now: Date): TableQuery<T> {
  const filters: TableFilters = {};
  for (const key of TABLES[table].filters) if (raw[key] !== undefined) Object.assign(filters, { [key]: raw[key] });
  if (filters.from || filters.to) [filters.from, filters.to] = orderedRange(filters.from, filters.to);
  const defaults = TABLES[table].defaultSort;
  const column = typeof raw.sort === "string" ? raw.sort : defaults.column;
  const direction = (raw.dir as SortDirection | undefined) ?? (column === defaults.column ? defaults.direction : "asc");
  return {
    table,
    ...effectiveAsOf(raw.asOf instanceof Date ? raw.asOf : undefined, now),
    filters,
    sort: { column, direction },
    page: (raw.page as number | undefined) ?? 1,
    pageSize: (raw.size as number | undefined) ?? DEFAULT_PAGE_SIZE,
    columns: (raw.cols as string[] | undefined) ?? null,
  };
}

/** From a page URL: never fails, bad values fall back to the defaults. */
export function parseTableQuery<T extends TableName>(table: T, params: SearchParams, now = new Date()): TableQuery<T> {
  return build(table, paramsSchema(table, false).parse(firstValues(params)), now);
}

/** From an API or export request: every value must be valid; unknown parameters are refused. */
export function parseTableQueryStrict<T extends TableName>(
  table: T,
  params: URLSearchParams,
  extraParams: readonly string[] = [],
  now = new Date(),
): ParseResult<TableQuery<T>> {
  const raw: Record<string, string> = {};
  const issues: { param: string; message: string }[] = [];
  const schema = paramsSchema(table, true);
  for (const [key, value] of params) {
    if (extraParams.includes(key)) continue;
    if (!(key in schema.shape))
      issues.push({ param: key, message: `Unknown parameter. This endpoint accepts: ${[...Object.keys(schema.shape), ...extraParams].join(", ")}` });
    else if (key in raw) issues.push({ param: key, message: "Given more than once" });
    else raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) issues.push({ param: String(issue.path[0] ?? ""), message: issue.message });
  }
  if (issues.length || !parsed.success) return { ok: false, issues };
  return { ok: true, value: build(table, parsed.data, now) };
}
