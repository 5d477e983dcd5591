// Each table's default order, apart from its descriptor (descriptors.ts reads it from here):
// the browser's URL writer (query-string.ts) needs only this, not every table's columns.
import type { TableName } from "./columns";
import type { TableSort } from "./query-string";

export const DEFAULT_SORTS: Record<TableName, TableSort> = {
  organisations: { column: "name", direction: "asc" },
  presences: { column: "status", direction: "desc" },
  events: { column: "occurredOn", direction: "desc" },
  assessments: { column: "to", direction: "desc" },
  audit: { column: "createdAt", direction: "desc" },
};
