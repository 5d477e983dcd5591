import "server-only";
// Whether a kept page's personal reads (noted while it rendered, lib/page-cache/fill.ts)
// give the same for this reader: each is read again, by the same function.
import type { Actor } from "@/lib/domain/actor";
import type { FeedFilters } from "@/lib/domain/feeds";
import { TABLE_NAMES, type TableName } from "@/lib/domain/tables/columns";
import { savedColumns } from "@/lib/data/table-preferences";
import { watchItemFor } from "@/lib/data/watchlist";
import type { PersonalFact, PersonalFactKind } from "./fill";

const READ_AGAIN: Record<PersonalFactKind, (actor: Actor, arg: string) => Promise<unknown>> = {
  columns: (actor, table) => (TABLE_NAMES.includes(table as TableName) ? savedColumns(actor, table as TableName) : Promise.resolve(undefined)),
  following: (actor, filters) => watchItemFor(actor, JSON.parse(filters) as FeedFilters),
  isReader: async (actor, userId) => userId !== "" && Number(userId) === actor.id,
};

export async function sameForReader(actor: Actor, facts: readonly PersonalFact[]): Promise<boolean> {
  for (const fact of facts) {
    const value = await READ_AGAIN[fact.kind](actor, fact.arg);
    if ((JSON.stringify(value) ?? "null") !== fact.value) return false;
  }
  return true;
}
