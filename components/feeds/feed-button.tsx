"use client";
import { useTranslations } from "use-intl";
// "Follow as a feed": makes a personal Atom feed of the view's filters and shows its
// address once, to paste into a feed reader (the address holds the feed's own token).
import { useState, useTransition } from "react";
import { Rss } from "lucide-react";
import { PopoverMenu } from "@/components/ui/popover-menu";
import { createFeedAction } from "@/lib/actions/feeds";
import { callAction } from "@/lib/actions/call";
import type { FeedFilters } from "@/lib/domain/feeds";
import { FollowToggle } from "@/components/watchlist/follow-toggle";

/** What of the view a feed cannot follow: its search, its date range, both, or nothing. */
export type LeftOut = "search" | "dates" | "both" | null;

export function FeedButton({ filters, leftOut, followingId }: { filters: FeedFilters; leftOut: LeftOut; followingId: number | null }) {
  const t = useTranslations("feeds");
  const [pending, startTransition] = useTransition();
  const [made, setMade] = useState<{ url: string; title: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  function make() {
    startTransition(async () => {
      const result = await callAction(() => createFeedAction(filters));
      if (result.ok) {
        setMade(result.value);
        setError(null);
        setCopied(false);
      } else setError(result.error);
    });
  }

  return (
    <PopoverMenu
      label={
        <>
          <Rss aria-hidden className="size-4" /> {t("feed")}
        </>
      }
      className="inline-flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
    >
      <div className="w-80 space-y-2 p-2" data-testid="feed-panel">
        <p className="font-medium text-slate-900">{t("heading")}</p>
        <p className="text-slate-600">
          {t("intro")}
          {leftOut && ` ${t(`leftOut.${leftOut}`)}`}
        </p>
        {made ? (
          <div role="status" className="space-y-2">
            <p className="text-slate-800">{t.rich("made", { title: made.title, b: (text) => <span className="font-medium">{text}</span> })}</p>
            <input
              readOnly
              aria-label={t("address")}
              data-testid="feed-url"
              value={made.url}
              onFocus={(event) => event.currentTarget.select()}
              className="w-full rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs"
            />
            <button
              type="button"
              className="rounded-md border border-slate-300 bg-white px-2 py-1"
              onClick={() =>
                navigator.clipboard?.writeText(made.url).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {copied ? t("copied") : t("copy")}
            </button>
            <p className="text-xs text-slate-500">
              {t.rich("anyone", {
                link: (text) => (
                  <a href="/account#feeds" className="underline">
                    {text}
                  </a>
                ),
              })}
            </p>
          </div>
        ) : (
          <button
            type="button"
            onClick={make}
            disabled={pending}
            className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700 disabled:bg-slate-500"
          >
            {pending ? t("making") : t("make")}
          </button>
        )}
        {error && (
          <p role="alert" className="text-red-700">
            {error}
          </p>
        )}
        <div className="space-y-1 border-t border-slate-100 pt-2">
          <p className="text-slate-600">
            {t.rich("orInApp", {
              link: (text) => (
                <a href="/watchlist" className="underline">
                  {text}
                </a>
              ),
            })}
          </p>
          <FollowToggle filters={filters} followingId={followingId} what={t("thisView")} />
        </div>
      </div>
    </PopoverMenu>
  );
}
