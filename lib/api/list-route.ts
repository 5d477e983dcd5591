import "server-only";
// GET handlers of the v1 list endpoints: parse the query strictly, find the caller, read a
// keyset slice through the data layer, answer { data, nextCursor }.
import type { TableName } from "@/lib/domain/tables/columns";
import { parseTableQueryStrict } from "@/lib/domain/tables/query";
import type { TableRows } from "@/lib/domain/tables/rows";
import { listTableAfter } from "@/lib/data/tables";
import { cachedRead } from "@/lib/data/read-cache";
import { apiActor } from "./actor";
import { badRequest, errorResponse } from "./respond";
import { conditionalBody, conditionalJson } from "./conditional";
import { UnauthenticatedError } from "@/lib/domain/errors";
import { UPDATED_SINCE_TABLES, updatedSinceList, type UpdatedSinceTable } from "./updated-since";

/** Table query parameters the list endpoints do not take (they page with `cursor`). */
const NOT_FOR_LISTS = ["page", "cols"];

export function tableListHandler<T extends TableName>(table: T, toItem: (row: TableRows[T]) => unknown) {
  return async function GET(request: Request): Promise<Response> {
    try {
      // Who first: an anonymous caller learns nothing about the parameters.
      const actor = await apiActor(request);
      if (!actor) throw new UnauthenticatedError();
      const params = new URL(request.url).searchParams;
      if (params.has("updatedSince") && table in UPDATED_SINCE_TABLES) {
        const answer = await updatedSinceList(actor, table as UpdatedSinceTable, params);
        return answer.ok ? conditionalJson(request, answer.body) : badRequest(answer.issues);
      }
      const refused = NOT_FOR_LISTS.filter((key) => params.has(key)).map((param) => ({
        param,
        message: param === "page" ? "The API pages with `cursor` (from `nextCursor`), not page numbers" : "Columns apply to exports only",
      }));
      const parsed = parseTableQueryStrict(table, params, ["cursor", ...NOT_FOR_LISTS]);
      if (refused.length || !parsed.ok) return badRequest([...refused, ...(parsed.ok ? [] : parsed.issues)]);
      const list = async (reader: typeof actor) => {
        const slice = await listTableAfter(reader, parsed.value, params.get("cursor"), parsed.value.pageSize);
        return JSON.stringify({ data: slice.rows.map(toItem), nextCursor: slice.nextCursor });
      };
      // The same answer for everyone with this role until the next write, keyed by the query as
      // parsed (its as-of day included: "today" moves at midnight); the audit log is never kept.
      const body =
        table === "audit" ? await list(actor) : await cachedRead(actor, `api:${table}:${JSON.stringify(parsed.value)}:${params.get("cursor")}`, list);
      return conditionalBody(request, body, "application/json");
    } catch (error) {
      return errorResponse(error);
    }
  };
}
