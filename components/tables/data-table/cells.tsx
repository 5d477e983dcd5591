// How each table's cells look on screen (the export values come from the same column
// list in lib/domain/tables/columns.ts; only the rendering differs). Where a row leads is in lib/domain/tables/descriptors.ts.
import type { ReactNode } from "react";
import { concernsLabel } from "@/lib/domain/concerns";
import { StatusBadge } from "@/components/ui/status-badge";
import { auditChanges } from "@/lib/domain/audit-diff";
import type { TableName } from "@/lib/domain/tables/columns";
import type { SourceRef, TableRows } from "@/lib/domain/tables/rows";
import type { DatePrecision, OrganisationType } from "@/lib/domain/vocabulary";
import type { Formatter } from "@/lib/i18n/format";
import { accessLevelText } from "@/lib/domain/assessments";

/** What a cell needs besides its row: the page's language (dates, numbers, labels, words). */
export interface CellContext {
  f: Formatter;
  t: (key: "disputed" | "noChange" | "andMore" | "wholeCountry", values?: { count: number }) => string;
  /** A country's name in the page's language, from its ISO3 code (the row's own name when unknown). */
  country: (iso3: string, fallback: string) => string;
}

/** The sources of a row in a few words: each publisher once, wide enough to read. */
const sourceSummary = (sources: SourceRef[]) =>
  sources.length ? <span className="block min-w-36">{[...new Set(sources.map((s) => s.publisher))].join(", ")}</span> : muted(null);

/** A date on one line ("16 Jun 2023"); in French it may wrap before its year ("16 septembre / 2024"), so that long months fit the table. */
const day = (iso: string, precision: DatePrecision, f: Formatter) => (
  <span className={f.locale === "en" ? "whitespace-nowrap" : undefined}>
    {f.date(new Date(`${iso.slice(0, 10)}T00:00:00Z`), precision).replace(/^(\d+) /, "$1\u00a0")}
  </span>
);
/**
 * An organisation type: "Intergouvernementale" is the longest word of any French table, and
 * beside long names it pushed the presences table past its card at 1280 px; it may break
 * inside the word, and does only when the table cannot fit otherwise.
 */
const organisationType = (type: OrganisationType, f: Formatter) => <span className="block min-w-24 wrap-anywhere">{f.labels.organisationType[type]}</span>;
const number = (value: number | null, f: Formatter) => (value === null ? <span className="text-slate-500">—</span> : f.number(value));
const muted = (text: string | null) => text ?? <span className="text-slate-500">—</span>;
// The day as a table date (it may wrap in French), the time kept whole.
const instant = (iso: string, f: Formatter) => (
  <time dateTime={iso}>
    {day(iso, "DAY", f)} <span className="whitespace-nowrap">{iso.slice(11, 16)}</span>
  </time>
);

type Renderers<T extends TableName> = Partial<Record<string, (row: TableRows[T], context: CellContext) => ReactNode>>;

export const CELL_RENDERERS: { [T in TableName]: Renderers<T> } = {
  presences: {
    organisation: (r, { t }) => (
      <span className="font-medium text-slate-900">
        {r.organisationName}
        {r.disputed && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">{t("disputed")}</span>}
      </span>
    ),
    acronym: (r) => muted(r.organisationAcronym),
    country: (r, { country }) => country(r.countryIso3, r.countryName),
    type: (r, { f }) => organisationType(r.organisationType, f),
    iatiId: (r) => muted(r.iatiId),
    status: (r) => <StatusBadge status={r.status} />,
    since: (r, { f }) => day(r.since, r.sincePrecision, f),
    peopleAffected: (r, { f }) => number(r.peopleAffected, f),
    sources: (r) => sourceSummary(r.sources),
  },
  events: {
    occurredOn: (r, { f }) => day(r.occurredOn, r.datePrecision, f),
    country: (r, { country }) => country(r.countryIso3, r.countryName),
    organisation: (r, { f }) => r.organisationName ?? <span className="text-slate-600">{concernsLabel(r, f.locale)}</span>,
    areas: (r) => (r.areas.length ? <span className="block min-w-24">{r.areas.map((a) => a.name).join(", ")}</span> : muted(null)),
    type: (r, { f }) => (r.organisationType ? organisationType(r.organisationType, f) : muted(null)),
    kind: (r, { f }) => f.labels.kind[r.kind],
    status: (r, { t }) => (r.resultingStatus ? <StatusBadge status={r.resultingStatus} /> : <span className="text-slate-500">{t("noChange")}</span>),
    confidence: (r, { f }) =>
      r.confidence === "DISPUTED" ? <span className="font-semibold text-amber-800">{f.labels.confidence.DISPUTED}</span> : f.labels.confidence[r.confidence],
    peopleAffected: (r, { f }) => number(r.peopleAffected, f),
    summary: (r) => <span className="line-clamp-2 max-w-md">{r.summary}</span>,
    sources: (r) => sourceSummary(r.sources),
  },
  assessments: {
    country: (r, { country }) => country(r.countryIso3, r.countryName),
    area: (r, { t }) => (r.area ? r.area.name : <span className="text-slate-600">{t("wholeCountry")}</span>),
    from: (r, { f }) => day(r.from, "DAY", f),
    to: (r, { f }) => day(r.to, "DAY", f),
    // The number first, in bold, then ACAPS's words: it reads without colour.
    level: (r, { f }) => <span className="font-semibold text-slate-900">{accessLevelText(r.level, f.locale)}</span>,
    computedLevel: (r, { f }) => accessLevelText(r.computedLevel, f.locale),
    overrideReason: (r) => (r.override ? <span className="line-clamp-2 max-w-xs">{r.override.reason}</span> : muted(null)),
    gaps: (r, { f }) => f.number(r.gaps),
    evidence: (r, { f }) => f.number(r.evidence),
    evidenceChanged: (r, { f }) =>
      r.evidenceChanged > 0 ? (
        <span className="rounded bg-amber-100 px-1.5 py-0.5 font-semibold text-amber-900">{f.number(r.evidenceChanged)}</span>
      ) : (
        f.number(0)
      ),
    publishedAt: (r, { f }) => instant(r.publishedAt, f),
    // The nine scores show their plain value: 0–3, or X for a gap.
  },
  organisations: {
    name: (r) => <span className="font-medium text-slate-900">{r.name}</span>,
    acronym: (r) => muted(r.acronym),
    type: (r, { f }) => organisationType(r.type, f),
    iatiId: (r) => muted(r.iatiId),
    countries: (r, { f }) => f.number(r.countries),
    operating: (r, { f }) => f.number(r.operating),
    restricted: (r, { f }) => f.number(r.restricted),
    expelled: (r, { f }) => f.number(r.expelled),
  },
  audit: {
    createdAt: (r, { f }) => (
      <time dateTime={r.createdAt} className="whitespace-nowrap">
        {f.date(new Date(r.createdAt), "DAY")} {r.createdAt.slice(11, 19)}
      </time>
    ),
    actor: (r) => muted(r.actorEmail),
    changes: (r, { t }) => {
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
          {changes.length > 8 && <li className="text-slate-500">{t("andMore", { count: changes.length - 8 })}</li>}
        </ul>
      );
    },
    after: (r) => <code className="line-clamp-2 max-w-md break-all text-xs">{r.after === null ? "—" : JSON.stringify(r.after)}</code>,
    before: (r) => <code className="line-clamp-2 max-w-md break-all text-xs">{r.before === null ? "—" : JSON.stringify(r.before)}</code>,
  },
};
