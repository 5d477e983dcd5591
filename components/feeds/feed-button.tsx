"use client";
// "Follow as a feed": makes a personal Atom feed of the view's filters and shows its
// address once, to paste into a feed reader (the address holds the feed's own token).
import { useState, useTransition } from "react";
import { Rss } from "lucide-react";
import { PopoverMenu } from "@/components/ui/popover-menu";
import { createFeedAction } from "@/lib/actions/feeds";
import { callAction } from "@/lib/actions/call";
import type { FeedFilters } from "@/lib/domain/feeds";
import { FollowToggle } from "@/components/watchlist/follow-toggle";

export function FeedButton({ filters, leftOut, followingId }: { filters: FeedFilters; leftOut: string[]; followingId: number | null }) {
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
          <Rss aria-hidden className="size-4" /> Feed
        </>
      }
      className="inline-flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
    >
      <div className="w-80 space-y-2 p-2" data-testid="feed-panel">
        <p className="font-medium text-slate-900">Follow this view in a feed reader</p>
        <p className="text-slate-600">
          An Atom feed of new events, corrections, retractions and status changes in this view.
          {leftOut.length > 0 && (
            <>
              {" "}
              The view&apos;s {leftOut.join(" and ")} {leftOut.length > 1 ? "are" : "is"} left out: a feed follows what happens next.
            </>
          )}
        </p>
        {made ? (
          <div role="status" className="space-y-2">
            <p className="text-slate-800">
              Feed for <span className="font-medium">{made.title}</span>. Copy its address now: it is shown once.
            </p>
            <input
              readOnly
              aria-label="Feed address"
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
              {copied ? "Copied" : "Copy address"}
            </button>
            <p className="text-xs text-slate-500">
              Anyone with the address can read the feed. Your feeds are listed on{" "}
              <a href="/account#feeds" className="underline">
                your account page
              </a>
              , where you can revoke them.
            </p>
          </div>
        ) : (
          <button
            type="button"
            onClick={make}
            disabled={pending}
            className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700 disabled:bg-slate-500"
          >
            {pending ? "Making the feed…" : "Make a feed address"}
          </button>
        )}
        {error && (
          <p role="alert" className="text-red-700">
            {error}
          </p>
        )}
        <div className="space-y-1 border-t border-slate-100 pt-2">
          <p className="text-slate-600">
            Or follow it in the app, on{" "}
            <a href="/watchlist" className="underline">
              What changed
            </a>
            :
          </p>
          <FollowToggle filters={filters} followingId={followingId} what="this view" />
        </div>
      </div>
    </PopoverMenu>
  );
}
