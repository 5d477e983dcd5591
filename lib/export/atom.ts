// An Atom 1.0 document for a feed's entries, written by the `feed` library. Ids are tag URIs
// of the deployment's host: stable across reads, and never containing the feed's token.
import { Feed } from "feed";
import { feedEntryHtml, feedEntryPath, feedEntryTitle, type FeedEntry } from "@/lib/domain/feeds";

export interface AtomFeed {
  /** The app's public origin, e.g. https://monitor.example.org. */
  origin: string;
  /** The feed's own address (with its token): the document's self link. */
  selfUrl: string;
  feedId: number;
  title: string;
  /** When the feed itself was made: its `updated` while it has no entry yet. */
  createdAt: Date;
  entries: FeedEntry[];
}

export function atomDocument({ origin, selfUrl, feedId, title, createdAt, entries }: AtomFeed): string {
  const host = new URL(origin).host;
  const tag = (what: string) => `tag:${host},2026:${what}`;
  const feed = new Feed({
    id: tag(`feed:${feedId}`),
    title: `Access Monitor: ${title}`,
    description: "Published changes: new events, corrections, retractions and status changes.",
    link: origin,
    updated: entries[0]?.changedAt ?? createdAt,
    generator: "Access Monitor",
    feedLinks: { atom: selfUrl },
    author: { name: "Access Monitor", link: origin },
  });
  for (const entry of entries) {
    feed.addItem({
      id: tag(`change:${entry.seq}`),
      title: feedEntryTitle(entry),
      link: `${origin}${feedEntryPath(entry)}`,
      date: entry.changedAt,
      content: feedEntryHtml(entry),
    });
  }
  return feed.atom1();
}
