import type { Metadata } from "next";
import { getFormat, getTranslations } from "@/lib/i18n/server";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { RoleNotice } from "@/components/layout/role-notice";
import { FollowToggle } from "@/components/watchlist/follow-toggle";
import { whatChangedSinceLastVisit } from "@/lib/data/watchlist";
import { can } from "@/lib/domain/permissions";
import { feedEntryPath, feedEntryTitle } from "@/lib/domain/feeds";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("watchlist"))("title") };
}
// Each visit moves the user's place in the change log: never served from a cache.
export const dynamic = "force-dynamic";

export default async function WatchlistPage() {
  const actor = await requireActor();
  const [t, f] = [await getTranslations("watchlist"), await getFormat()];
  if (!can(actor.role, "follow")) return <RoleNotice>{t("noRole")}</RoleNotice>;
  const { items, previousVisit, entries, truncated } = await whatChangedSinceLastVisit(actor, new Date(), f.locale);
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-slate-600">
          {items.length === 0 ? t("introEmpty") : previousVisit ? t("introSince", { date: f.instant(previousVisit) }) : t("introFirst")}
        </p>
      </div>
      <section aria-labelledby="following-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="following-heading" className="font-semibold">
          {t("following")}
        </h2>
        {items.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="watch-empty">
            {t.rich("nothingYet", { b: (text) => <span className="font-medium">{text}</span> })}
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
            {entries.length === 0 ? t("nothingChanged") : t("changes", { count: entries.length })}
            {truncated ? t("truncated") : ""}
          </h2>
          {entries.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600" data-testid="changes-empty">
              {previousVisit ? t("noChangeSince") : t("noChange")}
            </p>
          ) : (
            <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="changes">
              {entries.map((entry) => (
                <li key={entry.seq} className="space-y-0.5 px-4 py-3">
                  <Link href={feedEntryPath(entry)} className="font-medium underline">
                    {feedEntryTitle(entry, f.locale)}
                  </Link>
                  {entry.event && <p className="line-clamp-2 text-sm text-slate-700">{entry.event.summary}</p>}
                  <p className="text-xs text-slate-500">
                    {entry.event && t("eventOf", { date: f.isoDate(entry.event.occurredOn, entry.event.datePrecision) })}
                    {t("recorded", { date: f.instant(entry.changedAt), views: entry.followedAs.join(", ") })}
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
