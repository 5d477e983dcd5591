import "server-only";
// `?updatedSince=` on the v1 lists: the rows created or changed since an instant, each once
// at its latest change, in the change log's order with a change cursor, so that a client
// keeping a copy polls without gaps or repeats while others write. Rows are read as the
// item endpoints answer them: a retracted event with its state, a merged organisation as
// `{"id", "mergedInto"}`, a presence removed by a merge as `{"id", "state": "removed"}`.
import { z } from "zod";
import type { Actor } from "@/lib/domain/actor";
import { decodeChangeCursor } from "@/lib/domain/changes";
import { FILTER_SCHEMAS, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, parseTableQueryStrict } from "@/lib/domain/tables/query";
import { listChangedEntities } from "@/lib/data/changes";
import { assertKnownCountry } from "@/lib/data/countries";
import { listTableAfter } from "@/lib/data/tables";
import { presenceKey } from "@/lib/data/presences";
import { presenceItemOf } from "./items";
import { readEventDetail, readOrganisationDetail } from "./item-route";
import type { FieldIssue } from "./respond";

import { UPDATED_SINCE_TABLES, type UpdatedSinceTable } from "@/lib/domain/changes";
export { UPDATED_SINCE_TABLES, type UpdatedSinceTable };

const schema = z.strictObject({
  updatedSince: z.iso.datetime({ offset: true, error: "An instant in ISO 8601 with a time zone, e.g. 2026-12-01T00:00:00Z" }),
  cursor: z.string().max(80).optional(),
  country: FILTER_SCHEMAS.country.optional(),
  organisation: FILTER_SCHEMAS.organisation.optional(),
  size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE, `At most ${MAX_PAGE_SIZE} rows per page`).optional(),
});

export type UpdatedSinceAnswer = { ok: true; body: unknown } | { ok: false; issues: FieldIssue[] };

async function readItem(actor: Actor, table: UpdatedSinceTable, id: number, kind: string): Promise<object | null> {
  if (table === "events") return readEventDetail(actor, id);
  if (table === "organisations") return readOrganisationDetail(actor, id);
  if (kind === "presence.removed") return { id, state: "removed" };
  const presence = await presenceKey(actor, id);
  if (!presence) return { id, state: "removed" };
  const query = parseTableQueryStrict("presences", new URLSearchParams({ organisation: String(presence.organisationId), country: presence.countryIso3 }));
  if (!query.ok) return null;
  const slice = await listTableAfter(actor, query.value, null, 1);
  const row = slice.rows[0];
  return row ? { ...presenceItemOf(row), state: "current" } : null;
}

export async function updatedSinceList(actor: Actor, table: UpdatedSinceTable, params: URLSearchParams): Promise<UpdatedSinceAnswer> {
  const raw: Record<string, string> = {};
  const issues: FieldIssue[] = [];
  for (const [key, value] of params) {
    if (!(key in schema.shape)) issues.push({ param: key, message: `With updatedSince, a list takes only ${Object.keys(schema.shape).join(", ")}` });
    else raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) issues.push(...parsed.error.issues.map((i) => ({ param: String(i.path[0] ?? ""), message: i.message })));
  if (issues.length || !parsed.success) return { ok: false, issues };
  const { updatedSince, cursor, country, organisation, size } = parsed.data;
  const after = cursor ? decodeChangeCursor(cursor) : null;
  if (cursor && !after) return { ok: false, issues: [{ param: "cursor", message: "Not a cursor of an updatedSince list" }] };
  await assertKnownCountry(country);
  const slice = await listChangedEntities(actor, {
    entityType: UPDATED_SINCE_TABLES[table],
    since: new Date(updatedSince),
    after,
    country: country ?? null,
    organisation: organisation ?? null,
    limit: size ?? DEFAULT_PAGE_SIZE,
  });
  const data = [];
  for (const entity of slice.entities) {
    const item = await readItem(actor, table, entity.entityId, entity.kind);
    if (item) data.push({ ...item, changedAt: entity.changedAt });
  }
  return { ok: true, body: { data, nextCursor: slice.nextCursor, hasMore: slice.hasMore } };
}
