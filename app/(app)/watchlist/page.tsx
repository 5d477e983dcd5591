import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { RoleNotice } from "@/components/layout/role-notice";
import { FollowToggle } from "@/components/watchlist/follow-toggle";
import { whatChangedSinceLastVisit } from "@/lib/data/watchlist";
import { can } from "@/lib/domain/permissions";
import { feedEntryPath, feedEntryTitle } from "@/lib/domain/feeds";
import { formatInstant, formatIsoDate } from "@/lib/domain/partial-date";

export const metadata: Metadata = { title: "What changed" };
// Each visit moves the user's place in the change log: never served from a cache.
export const dynamic = "force-dynamic";

export default async function WatchlistPage() {
  const actor = await requireActor();
  if (!can(actor.role, "follow")) return <RoleNotice>Your role cannot follow changes.</RoleNotice>;
  const { items, previousVisit, entries, truncated } = await whatChangedSinceLastVisit(actor);
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">What changed</h1>
        <p className="text-slate-600">
          {items.length === 0
            ? "Published changes in what you follow, since your last visit."
            : previousVisit
              ? `Published changes in what you follow since your last visit, ${formatInstant(previousVisit)}, newest first.`
              : "Your first visit: the latest published changes in what you follow, newest first. Next time, only what changed since now."}
        </p>
      </div>
      <section aria-labelledby="following-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="following-heading" className="font-semibold">
          I follow
        </h2>
        {items.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="watch-empty">
            Nothing yet. Follow a country or an organisation with the <span className="font-medium">Follow</span> button on its page, or a view of the events
            table from its <span className="font-medium">Feed</span> menu.
          </p>
        ) : (
          <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm" data-testid="watch-items">
            {items.map((item) => (
              <li key={item.id} className="flex items-center gap-2">
                <Link href={`/events${item.query ? `?${item.query}` : ""}`} className="font-medium underline">
                  {item.title}
                </Link>
                <FollowToggle filters={item.filters} followingId={item.id} what={item.title} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {items.length > 0 && (
        <section aria-labelledby="changes-heading" className="space-y-2">
          <h2 id="changes-heading" className="font-semibold">
            {entries.length === 0 ? "Nothing has changed" : `${entries.length.toLocaleString("en-GB")} change${entries.length === 1 ? "" : "s"}`}
            {truncated ? " (the newest; older ones are left out)" : ""}
          </h2>
          {entries.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600" data-testid="changes-empty">
              No published change in what you follow{previousVisit ? " since your last visit" : ""}.
            </p>
          ) : (
            <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="changes">
              {entries.map((entry) => (
                <li key={entry.seq} className="space-y-0.5 px-4 py-3">
                  <Link href={feedEntryPath(entry)} className="font-medium underline">
                    {feedEntryTitle(entry)}
                  </Link>
                  {entry.event && <p className="line-clamp-2 text-sm text-slate-700">{entry.event.summary}</p>}
                  <p className="text-xs text-slate-500">
                    {entry.event && <>Event of {formatIsoDate(entry.event.occurredOn, entry.event.datePrecision)} · </>}
                    recorded {formatInstant(entry.changedAt)} · in {entry.followedAs.join(", ")}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}
