// How each table's cells look on screen (the export values come from the same column
// list in lib/domain/tables/columns.ts; only the rendering differs). Where a row leads is in lib/domain/tables/descriptors.ts.
import type { ReactNode } from "react";
import { concernsLabel } from "@/lib/domain/concerns";
import { StatusBadge } from "@/components/ui/status-badge";
import { auditChanges } from "@/lib/domain/audit-diff";
import { formatNumber } from "@/lib/domain/format";
import { formatPartialDate } from "@/lib/domain/partial-date";
import type { TableName } from "@/lib/domain/tables/columns";
import type { SourceRef, TableRows } from "@/lib/domain/tables/rows";
import { CONFIDENCE_LABELS, EVENT_KIND_LABELS, ORGANISATION_TYPE_LABELS, type DatePrecision } from "@/lib/domain/vocabulary";

/** The sources of a row in a few words: each publisher once, wide enough to read. */
const sourceSummary = (sources: SourceRef[]) =>
  sources.length ? <span className="block min-w-40">{[...new Set(sources.map((s) => s.publisher))].join(", ")}</span> : muted(null);

const day = (iso: string, precision: DatePrecision) => (
  <span className="whitespace-nowrap">{formatPartialDate(new Date(`${iso.slice(0, 10)}T00:00:00Z`), precision)}</span>
);
const number = (value: number | null) => (value === null ? <span className="text-slate-500">—</span> : formatNumber(value));
const muted = (text: string | null) => text ?? <span className="text-slate-500">—</span>;

type Renderers<T extends TableName> = Partial<Record<string, (row: TableRows[T]) => ReactNode>>;

export const CELL_RENDERERS: { [T in TableName]: Renderers<T> } = {
  presences: {
    organisation: (r) => (
      <span className="font-medium text-slate-900">
        {r.organisationName}
        {r.disputed && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">Disputed</span>}
      </span>
    ),
    acronym: (r) => muted(r.organisationAcronym),
    type: (r) => ORGANISATION_TYPE_LABELS[r.organisationType],
    iatiId: (r) => muted(r.iatiId),
    status: (r) => <StatusBadge status={r.status} />,
    since: (r) => day(r.since, r.sincePrecision),
    peopleAffected: (r) => number(r.peopleAffected),
    sources: (r) => sourceSummary(r.sources),
  },
  events: {
    occurredOn: (r) => day(r.occurredOn, r.datePrecision),
    organisation: (r) => r.organisationName ?? <span className="text-slate-600">{concernsLabel(r)}</span>,
    areas: (r) => (r.areas.length ? <span className="block min-w-24">{r.areas.map((a) => a.name).join(", ")}</span> : muted(null)),
    type: (r) => (r.organisationType ? ORGANISATION_TYPE_LABELS[r.organisationType] : muted(null)),
    kind: (r) => EVENT_KIND_LABELS[r.kind],
    status: (r) => (r.resultingStatus ? <StatusBadge status={r.resultingStatus} /> : <span className="text-slate-500">No change</span>),
    confidence: (r) =>
      r.confidence === "DISPUTED" ? <span className="font-semibold text-amber-800">{CONFIDENCE_LABELS.DISPUTED}</span> : CONFIDENCE_LABELS[r.confidence],
    peopleAffected: (r) => number(r.peopleAffected),
    summary: (r) => <span className="line-clamp-2 max-w-md">{r.summary}</span>,
    sources: (r) => sourceSummary(r.sources),
  },
  organisations: {
    name: (r) => <span className="font-medium text-slate-900">{r.name}</span>,
    acronym: (r) => muted(r.acronym),
    type: (r) => ORGANISATION_TYPE_LABELS[r.type],
    iatiId: (r) => muted(r.iatiId),
    countries: (r) => formatNumber(r.countries),
    operating: (r) => formatNumber(r.operating),
    restricted: (r) => formatNumber(r.restricted),
    expelled: (r) => formatNumber(r.expelled),
  },
  audit: {
    createdAt: (r) => (
      <time dateTime={r.createdAt} className="whitespace-nowrap">
        {formatPartialDate(new Date(r.createdAt), "DAY")} {r.createdAt.slice(11, 19)}
      </time>
    ),
    actor: (r) => muted(r.actorEmail),
    changes: (r) => {
      const changes = auditChanges(r.before, r.after);
      if (changes.length === 0) return <span className="text-slate-500">—</span>;
      return (
        <ul className="space-y-0.5 text-xs">
          {changes.slice(0, 8).map((c) => (
            <li key={c.field}>
              <span className="font-semibold text-slate-800">{c.field}</span>:{" "}
              {c.before !== "—" && (
                <>
                  <del className="break-all text-red-800">{c.before}</del> →{" "}
                </>
              )}
              <ins className="break-all text-emerald-800 no-underline">{c.after}</ins>
            </li>
          ))}
          {changes.length > 8 && <li className="text-slate-500">and {changes.length - 8} more</li>}
        </ul>
      );
    },
    after: (r) => <code className="line-clamp-2 max-w-md break-all text-xs">{r.after === null ? "—" : JSON.stringify(r.after)}</code>,
    before: (r) => <code className="line-clamp-2 max-w-md break-all text-xs">{r.before === null ? "—" : JSON.stringify(r.before)}</code>,
  },
};
