import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import Link from "next/link";
import { EventCard } from "@/components/events/event-timeline";
import { ReviewActions } from "@/components/forms/review-actions";
import { requireActor } from "@/lib/auth/session";
import { RoleNotice } from "@/components/layout/role-notice";
import { can } from "@/lib/domain/permissions";
import { listDrafts, REVIEW_PAGE_SIZE, type DraftFilter } from "@/lib/data/review";
import { requireReview } from "@/lib/env";
import type { SearchParams } from "@/lib/domain/view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}

const FILTERS: DraftFilter[] = ["all", "others", "mine", "returned"];

export default async function ReviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const t = await getTranslations("review");
  if (!can(actor.role, "editEvents")) return <RoleNotice>{t("noRole")}</RoleNotice>;
  const asked = (await searchParams).show;
  const filter = FILTERS.find((value) => value === asked) ?? "all";
  const { drafts, total } = await listDrafts(actor, filter);
  const fourEyes = requireReview();
  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-slate-600">
          {t("intro")} {fourEyes ? t("fourEyes") : t("anyone")}
        </p>
      </div>
      <nav aria-label={t("which")} className="flex flex-wrap gap-1 text-sm">
        {FILTERS.map((value) => (
          <Link
            key={value}
            href={value === "all" ? "/review" : `/review?show=${value}`}
            aria-current={value === filter ? "page" : undefined}
            className={`rounded-md border px-2.5 py-1 ${value === filter ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}
          >
            {t(`filters.${value}`)}
          </Link>
        ))}
      </nav>
      <p className="text-sm text-slate-600" role="status">
        {total.count === 0
          ? t("none")
          : `${t(total.atLeast ? "countAtLeast" : "count", { count: total.count })}${total.count > REVIEW_PAGE_SIZE ? t("newestShown", { count: REVIEW_PAGE_SIZE }) : ""}.`}
      </p>
      <ul className="space-y-3">
        {drafts.map((draft) => (
          <EventCard key={draft.id} event={draft} query="" showCountry detailed>
            <ReviewActions eventId={draft.id} version={draft.version} own={draft.draft?.author?.id === actor.id} fourEyes={fourEyes} />
          </EventCard>
        ))}
      </ul>
    </div>
  );
}
