import Link from "next/link";
import type { ReactNode } from "react";
import { SourceList } from "@/components/tables/source-list";
import { StatusBadge } from "@/components/ui/status-badge";
import type { TimelineEvent } from "@/lib/data/timeline";
import { formatPartialDate, isoDate } from "@/lib/domain/partial-date";
import { CONFIDENCE_LABELS, EVENT_KIND_LABELS, STATUS_LABELS } from "@/lib/domain/vocabulary";
import { CATEGORY, SUBTYPE } from "@/lib/domain/constraints";
import { formatNumber } from "@/lib/domain/format";

const PRECISION_NOTE = { DAY: "", MONTH: " (month known)", YEAR: " (year known)" } as const;

export function EventTimeline({ events, query, showCountry = false }: { events: TimelineEvent[]; query: string; showCountry?: boolean }) {
  if (events.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
        No published event up to this date. Choose a later “as of” date, or clear the filters.
      </p>
    );
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
function sourcesSummary(sources: TimelineEvent["sources"]): string {
  const quoted = sources.filter((s) => s.quote).length;
  const count = `${sources.length} ${sources.length === 1 ? "source" : "sources"}`;
  if (quoted === 0) return count;
  if (quoted === sources.length) return `${count} with ${quoted === 1 ? "a quote" : "quotes"}`;
  return `${count}, ${quoted} with ${quoted === 1 ? "a quote" : "quotes"}`;
}

export function EventCard({
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
  const disputed = event.confidence === "DISPUTED";
  return (
    <li
      className={`list-none rounded-lg border p-4 shadow-sm ${event.retraction || event.draft ? "border-dashed border-slate-300 bg-slate-50" : "border-slate-200 bg-white"}`}
      data-testid="timeline-event"
    >
      {event.draft && (
        <p className="mb-2 rounded border border-amber-400 bg-amber-50 px-2 py-1 text-sm text-amber-950" data-testid="draft">
          <span className="font-semibold">Draft</span>
          {event.draft.author && <> by {event.draft.author.name}</>}, {formatPartialDate(event.draft.createdAt, "DAY")}
          {event.draft.importId && (
            <>
              {" "}
              (
              <Link href={`/imports/${event.draft.importId}`} className="underline">
                import {event.draft.importId}
              </Link>
              )
            </>
          )}
          : it counts nowhere until it is published.
          {event.draft.returnedAt && event.draft.comment && (
            <>
              {" "}
              <span className="font-semibold">Returned</span> on {formatPartialDate(event.draft.returnedAt, "DAY")}: {event.draft.comment}
            </>
          )}
        </p>
      )}
      {event.retraction && (
        <p className="mb-2 rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-700" data-testid="retracted">
          <span className="font-semibold">Retracted</span> on {formatPartialDate(event.retraction.at, "DAY")}
          {event.retraction.by && <> by {event.retraction.by}</>}: {event.retraction.reason} It no longer counts towards any status or figure.
        </p>
      )}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <time dateTime={isoDate(event.occurredOn)} className="font-semibold text-slate-900">
          {formatPartialDate(event.occurredOn, event.datePrecision)}
          <span className="font-normal text-slate-500">{PRECISION_NOTE[event.datePrecision]}</span>
        </time>
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">{EVENT_KIND_LABELS[event.kind]}</span>
        {event.category && (
          <span className="text-slate-700" data-testid="event-category" title={CATEGORY[event.category].indicator}>
            {CATEGORY[event.category].en}
            {event.subtype ? `: ${SUBTYPE[event.subtype].en.toLowerCase()}` : ""}
          </span>
        )}
        {event.resultingStatus &&
          (event.retraction ? (
            // A retracted event leads nowhere any more: its status is named, not shown as a live marker.
            <span className="text-slate-500">would have led to {STATUS_LABELS[event.resultingStatus].toLowerCase()} (retracted)</span>
          ) : (
            <span className="flex items-center gap-1 text-slate-600">
              leads to <StatusBadge status={event.resultingStatus} />
            </span>
          ))}
        <span
          className={
            disputed ? "rounded border border-status-restricted/50 bg-status-restricted/10 px-1.5 font-medium text-status-restricted" : "text-slate-600"
          }
        >
          {disputed ? "Disputed: sources disagree" : CONFIDENCE_LABELS[event.confidence]}
        </span>
      </div>
      <p className="mt-2 text-slate-800">
        {event.organisation ? (
          <Link href={`/organisations/${event.organisation.id}${query}`} className="font-medium text-status-operating underline">
            {event.organisation.name}
          </Link>
        ) : (
          <span className="font-medium">Whole country</span>
        )}
        {showCountry && (
          <>
            {" "}
            in{" "}
            <Link href={`/countries/${event.country.iso3}${query}`} className="text-status-operating underline">
              {event.country.name}
            </Link>
          </>
        )}
        {": "}
        {event.summary}
      </p>
      {event.peopleAffected !== null && <p className="mt-1 text-sm text-slate-600">People affected: {formatNumber(event.peopleAffected)}</p>}
      {disputed && (
        <div className="mt-2 rounded border border-status-restricted/30 bg-status-restricted/5 p-2 text-sm">
          <p className="font-medium text-slate-800">What each source claims:</p>
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
          <summary className="cursor-pointer text-status-operating">{sourcesSummary(event.sources)}</summary>
          <div className="mt-2">
            <SourceList sources={event.sources} />
          </div>
        </details>
      )}
      {!detailed && (
        <Link href={`/events/${event.id}${query}`} className="mt-2 inline-block text-sm text-slate-600 underline">
          Event details
        </Link>
      )}
      {children}
    </li>
  );
}
