"use client";
import { useTranslations } from "use-intl";
// Follow / stop following a country, an organisation or a view on the "What changed" page.
import { useState, useTransition } from "react";
import { Eye, EyeOff } from "lucide-react";
import { followAction, unfollowAction } from "@/lib/actions/watchlist";
import { callAction } from "@/lib/actions/call";
import type { FeedFilters } from "@/lib/domain/feeds";

export function FollowToggle({ filters, followingId, what }: { filters: FeedFilters; followingId: number | null; what: string }) {
  const t = useTranslations("follow");
  const [id, setId] = useState(followingId);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  function toggle() {
    startTransition(async () => {
      if (id === null) {
        const result = await callAction(() => followAction(filters));
        if (result.ok) setId(result.value.id);
        setError(result.ok ? null : result.error);
      } else {
        const result = await callAction(() => unfollowAction({ id }));
        if (result.ok) setId(null);
        setError(result.ok ? null : result.error);
      }
    });
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={toggle}
        disabled={pending}
        aria-pressed={id !== null}
        aria-label={id === null ? t("followLabel", { what }) : t("stopLabel", { what })}
        className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:text-slate-500"
      >
        {id === null ? <Eye aria-hidden className="size-4" /> : <EyeOff aria-hidden className="size-4" />}
        {pending ? t("saving") : id === null ? t("follow") : t("following")}
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
