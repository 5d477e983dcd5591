import type { Metadata } from "next";
import Link from "next/link";
import { EventCard } from "@/components/events/event-timeline";
import { ReviewActions } from "@/components/forms/review-actions";
import { requireActor } from "@/lib/auth/session";
import { RoleNotice } from "@/components/layout/role-notice";
import { can } from "@/lib/domain/permissions";
import { listDrafts, REVIEW_PAGE_SIZE, type DraftFilter } from "@/lib/data/review";
import { requireReview } from "@/lib/env";
import type { SearchParams } from "@/lib/domain/view";

export const metadata: Metadata = { title: "Review" };

const FILTERS: { value: DraftFilter; label: string }[] = [
  { value: "all", label: "All drafts" },
  { value: "others", label: "By others" },
  { value: "mine", label: "Mine" },
  { value: "returned", label: "Returned" },
];

export default async function ReviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  if (!can(actor.role, "editEvents")) return <RoleNotice>Only analysts and admins review drafts.</RoleNotice>;
  const asked = (await searchParams).show;
  const filter = FILTERS.find((f) => f.value === asked)?.value ?? "all";
  const { drafts, total } = await listDrafts(actor, filter);
  const fourEyes = requireReview();
  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Review</h1>
        <p className="text-slate-600">
          Drafts count nowhere (figures, charts, map, tables, exports, the API) until someone publishes them.{" "}
          {fourEyes ? "Four eyes are on: a draft is published by someone other than its author." : "Anyone who may edit events may publish a draft."}
        </p>
      </div>
      <nav aria-label="Which drafts" className="flex flex-wrap gap-1 text-sm">
        {FILTERS.map((f) => (
          <Link
            key={f.value}
            href={f.value === "all" ? "/review" : `/review?show=${f.value}`}
            aria-current={f.value === filter ? "page" : undefined}
            className={`rounded-md border px-2.5 py-1 ${f.value === filter ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}
          >
            {f.label}
          </Link>
        ))}
      </nav>
      <p className="text-sm text-slate-600" role="status">
        {total === 0
          ? "No draft waits for review."
          : `${total.toLocaleString("en-GB")} draft${total === 1 ? "" : "s"}${total > REVIEW_PAGE_SIZE ? `, the ${REVIEW_PAGE_SIZE} newest shown` : ""}.`}
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
