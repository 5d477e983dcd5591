import Link from "next/link";
import type { ReactNode } from "react";
import { SourceList } from "@/components/tables/source-list";
import { StatusBadge } from "@/components/ui/status-badge";
import type { TimelineEvent } from "@/lib/data/timeline";
import { isoDate } from "@/lib/domain/partial-date";
import { getCountryName, getFormat, getTranslations } from "@/lib/i18n/server";
import { CATEGORY, SUBTYPE } from "@/lib/domain/constraints";

export async function EventTimeline({ events, query, showCountry = false }: { events: TimelineEvent[]; query: string; showCountry?: boolean }) {
  const t = await getTranslations("timeline");
  if (events.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">{t("empty")}</p>;
  }
  return (
    <ol className="space-y-4" data-testid="timeline">
      {events.map((event) => (
        <EventCard key={event.id} event={event} query={query} showCountry={showCountry} />
      ))}
    </ol>
  );
}

/** "2 sources, 1 with a quote": what the list below holds, counted honestly. */
function sourcesSummary(sources: TimelineEvent["sources"], t: Awaited<ReturnType<typeof getTranslations<"timeline">>>): string {
  const quoted = sources.filter((s) => s.quote).length;
  const count = t("sources", { count: sources.length });
  if (quoted === 0) return count;
  return t(quoted === sources.length ? "allQuoted" : "someQuoted", { sources: count, quoted });
}

export async function EventCard({
  event,
  query,
  showCountry,
  detailed = false,
  children,
}: {
  event: TimelineEvent;
  query: string;
  showCountry?: boolean;
  detailed?: boolean;
  /** Shown at the end of the card (e.g. a draft's review actions). */
  children?: ReactNode;
}) {
  const [t, f, countryName] = [await getTranslations("timeline"), await getFormat(), await getCountryName()];
  const precisionNote = { DAY: "", MONTH: t("precisionMonth"), YEAR: t("precisionYear") }[event.datePrecision];
  const disputed = event.confidence === "DISPUTED";
  return (
    <li
      className={`list-none rounded-lg border p-4 shadow-sm ${event.retraction || event.draft ? "border-dashed border-slate-300 bg-slate-50" : "border-slate-200 bg-white"}`}
      data-testid="timeline-event"
    >
      {event.draft && (
        <p className="mb-2 rounded border border-amber-400 bg-amber-50 px-2 py-1 text-sm text-amber-950" data-testid="draft">
          <span className="font-semibold">{t("draft")}</span>
          {event.draft.author && t("draftBy", { name: event.draft.author.name })}, {f.date(event.draft.createdAt)}
          {event.draft.importId && (
            <>
              {" "}
              (
              <Link href={`/imports/${event.draft.importId}`} className="underline">
                {t("importLink", { id: event.draft.importId })}
              </Link>
              )
            </>
          )}
          {t("draftNote")}
          {event.draft.returnedAt && event.draft.comment && (
            <>
              {" "}
              <span className="font-semibold">{t("returned")}</span>
              {t("returnedOn", { date: f.date(event.draft.returnedAt), comment: event.draft.comment })}
            </>
          )}
        </p>
      )}
      {event.retraction && (
        <p className="mb-2 rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-700" data-testid="retracted">
          <span className="font-semibold">{t("retracted")}</span>
          {t("retractedOn", { date: f.date(event.retraction.at) })}
          {event.retraction.by && t("retractedBy", { name: event.retraction.by })}
          {t("retractedReason", { reason: event.retraction.reason })}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <time dateTime={isoDate(event.occurredOn)} className="font-semibold text-slate-900">
          {f.date(event.occurredOn, event.datePrecision)}
          <span className="font-normal text-slate-500">{precisionNote}</span>
        </time>
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">{f.labels.kind[event.kind]}</span>
        {event.category && (
          <span className="text-slate-700" data-testid="event-category" title={CATEGORY[event.category].indicator}>
            {CATEGORY[event.category][f.locale]}
            {event.subtype ? `: ${SUBTYPE[event.subtype][f.locale].toLocaleLowerCase(f.locale)}` : ""}
          </span>
        )}
        {event.resultingStatus &&
          (event.retraction ? (
            // A retracted event leads nowhere any more: its status is named, not shown as a live marker.
            <span className="text-slate-500">{t("wouldHaveLed", { status: f.labels.status[event.resultingStatus].toLocaleLowerCase(f.locale) })}</span>
          ) : (
            <span className="flex items-center gap-1 text-slate-600">
              {t("leadsTo")} <StatusBadge status={event.resultingStatus} />
            </span>
          ))}
        <span
          className={
            disputed ? "rounded border border-status-restricted/50 bg-status-restricted/10 px-1.5 font-medium text-status-restricted" : "text-slate-600"
          }
        >
          {disputed ? t("disputed") : f.labels.confidence[event.confidence]}
        </span>
      </div>
      <p className="mt-2 text-slate-800">
        {event.organisation ? (
          <Link href={`/organisations/${event.organisation.id}${query}`} className="font-medium text-status-operating underline">
            {event.organisation.name}
          </Link>
        ) : (
          <span className="font-medium">{t("wholeCountry")}</span>
        )}
        {showCountry && (
          <>
            {" "}
            {t("in")}{" "}
            <Link href={`/countries/${event.country.iso3}${query}`} className="text-status-operating underline">
              {countryName(event.country.iso3, event.country.name)}
            </Link>
          </>
        )}
        {": "}
        {event.summary}
      </p>
      {event.peopleAffected !== null && <p className="mt-1 text-sm text-slate-600">{t("peopleAffected", { count: f.number(event.peopleAffected) })}</p>}
      {disputed && (
        <div className="mt-2 rounded border border-status-restricted/30 bg-status-restricted/5 p-2 text-sm">
          <p className="font-medium text-slate-800">{t("claims")}</p>
          <ul className="list-disc pl-5 text-slate-700">
            {event.sources
              .filter((s) => s.claim)
              .map((s) => (
                <li key={s.sourceId}>
                  <span className="font-medium">{s.publisher}</span>: {s.claim}
                </li>
              ))}
          </ul>
        </div>
      )}
      {detailed ? (
        <div className="mt-3">
          <SourceList sources={event.sources} />
        </div>
      ) : (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-status-operating">{sourcesSummary(event.sources, t)}</summary>
          <div className="mt-2">
            <SourceList sources={event.sources} />
          </div>
        </details>
      )}
      {!detailed && (
        <Link href={`/events/${event.id}${query}`} className="mt-2 inline-block text-sm text-slate-600 underline">
          {t("details")}
        </Link>
      )}
      {children}
    </li>
  );
}
