import "server-only";
// The watchlist: what a user follows (countries, organisations, views: each as a feed's
// filters) and the "What changed" page, which lists the published changes in them since
// the user's last visit, newest first. A visit remembers where in the change log it read
// to (below the horizon of running writers), so the next visit starts exactly there: a
// change that commits late is not passed over.
import { z } from "zod";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/domain/actor";
import { wholeNumber } from "@/lib/domain/edit-schemas";
import { RuleError } from "@/lib/domain/errors";
import { describeFeedFilters, feedFiltersQuery, feedFiltersSchema, parseStoredFeedFilters, type FeedEntry, type FeedFilters } from "@/lib/domain/feeds";
import type { ChangePosition } from "@/lib/domain/changes";
import { feedEntries, feedFilterNames } from "./feeds";
import { notePersonal } from "@/lib/page-cache/fill";
import type { Locale } from "@/lib/domain/locales";

export const MAX_WATCH_ITEMS = 100;
/** Changes listed per followed item, and in all (the newest). */
const PER_ITEM = 100;
const IN_ALL = 200;

export async function follow(actor: Actor | null, input: unknown): Promise<{ id: number }> {
  const user = authorize(actor, "follow");
  const filters = feedFiltersSchema.parse(input);
  const query = feedFiltersQuery(filters);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "User" WHERE id = ${user.id} FOR UPDATE`;
    const existing = await tx.watchItem.findUnique({ where: { userId_filters: { userId: user.id, filters: query } } });
    if (existing) return { id: existing.id };
    if ((await tx.watchItem.count({ where: { userId: user.id } })) >= MAX_WATCH_ITEMS) {
      throw new RuleError(`You follow ${MAX_WATCH_ITEMS} things, the most one person may: stop following one first.`);
    }
    return { id: (await tx.watchItem.create({ data: { userId: user.id, filters: query } })).id };
  });
}

export async function unfollow(actor: Actor | null, input: unknown): Promise<void> {
  const user = authorize(actor, "follow");
  const { id } = z
    .object({ id: wholeNumber().pipe(z.number().positive()) })
    .strict()
    .parse(input);
  // Only one's own: someone else's id removes nothing.
  await db().watchItem.deleteMany({ where: { id, userId: user.id } });
}

export interface WatchItemView {
  id: number;
  filters: FeedFilters;
  query: string;
  title: string;
}

export async function listWatchItems(actor: Actor | null, locale: Locale = "en"): Promise<WatchItemView[]> {
  const user = authorize(actor, "follow");
  const items = await db().watchItem.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
  return Promise.all(
    items.map(async (item) => {
      const filters = parseStoredFeedFilters(item.filters);
      return { id: item.id, filters, query: item.filters, title: describeFeedFilters(filters, await feedFilterNames(filters, locale), locale) };
    }),
  );
}

/** The watch item that follows exactly these filters (a country's or organisation's page asks), or null. */
export async function watchItemFor(actor: Actor | null, filters: FeedFilters): Promise<number | null> {
  const user = authorize(actor, "follow");
  const item = await db().watchItem.findUnique({ where: { userId_filters: { userId: user.id, filters: feedFiltersQuery(filters) } }, select: { id: true } });
  const following = item?.id ?? null;
  await notePersonal("following", JSON.stringify(filters), following);
  return following;
}

export interface WhatChanged {
  items: WatchItemView[];
  /** When the previous visit was (null: this is the first; the latest changes are shown). */
  previousVisit: Date | null;
  /** Newest first; each with the followed items it belongs to. */
  entries: (FeedEntry & { followedAs: string[] })[];
  /** More changed than is listed: the oldest are left out. */
  truncated: boolean;
}

/** Whether a change comes after a position in the log's order (transaction, then sequence). */
const beyond = (entry: { txid: string | bigint; seq: string | bigint }, position: { txid: string | bigint; seq: string | bigint }) => {
  const [txid, other] = [BigInt(entry.txid), BigInt(position.txid)];
  return txid > other || (txid === other && BigInt(entry.seq) > BigInt(position.seq));
};

/** The changes in what the user follows since their last visit; records this visit. */
export async function whatChangedSinceLastVisit(actor: Actor | null, now = new Date(), locale: Locale = "en"): Promise<WhatChanged> {
  const user = authorize(actor, "follow");
  const [record, items] = await Promise.all([
    db().user.findUniqueOrThrow({ where: { id: user.id }, select: { watchSeenTxid: true, watchSeenSeq: true, watchVisitedAt: true } }),
    listWatchItems(user, locale),
  ]);
  const after: ChangePosition | null =
    record.watchSeenTxid !== null && record.watchSeenSeq !== null ? { txid: record.watchSeenTxid, seq: record.watchSeenSeq } : null;
  // Where the log is settled now, read before the entries: what commits meanwhile is for the next visit.
  const [settled] = await db().$queryRaw<{ txid: bigint; seq: bigint }[]>`
    SELECT txid, seq FROM "DataChange" WHERE txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint ORDER BY txid DESC, seq DESC LIMIT 1`;
  const bySeq = new Map<string, FeedEntry & { followedAs: string[] }>();
  for (const item of items) {
    for (const entry of await feedEntries(user, item.filters, { limit: after ? PER_ITEM : 20, after })) {
      if (settled && beyond(entry, settled)) continue;
      const known = bySeq.get(entry.seq);
      if (known) known.followedAs.push(item.title);
      else bySeq.set(entry.seq, { ...entry, followedAs: [item.title] });
    }
  }
  const entries = [...bySeq.values()].sort((a, b) => (beyond(a, b) ? -1 : 1));
  // Only a visit that looked at something moves the place (the first thing followed starts with its latest changes).
  if (settled && items.length > 0)
    await db().user.update({ where: { id: user.id }, data: { watchSeenTxid: settled.txid, watchSeenSeq: settled.seq, watchVisitedAt: now } });
  return { items, previousVisit: after ? record.watchVisitedAt : null, entries: entries.slice(0, IN_ALL), truncated: entries.length > IN_ALL };
}
