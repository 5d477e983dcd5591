// Atom feeds of published changes for a view: which changes a feed carries, which filters a
// feed may follow (the events table's, less the search and the date range: a feed follows
// what happens next), and their one canonical query string, stored with the feed.
import { z } from "zod";
import { FILTER_SCHEMAS, type TableFilters } from "./tables/query";
import { CATEGORY_LABELS } from "./constraint-codes";
import { PILLAR_LABELS } from "./pillars";
import { EVENT_KIND_LABELS, STATUS_LABELS, vocabularyLabels } from "./vocabulary";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { presenceName } from "./format";
import { CATEGORY } from "./constraints";
import type { ChangeKind } from "./changes";
import type { Category } from "./constraints";
import type { DatePrecision, EventKind, Status } from "./vocabulary";
import { formatIsoDate } from "./partial-date";
import { accessLevelText, type AccessLevel } from "./assessments";

export const FEED_TOKEN_PREFIX = "amf_";

/** What a feed tells: new events, corrections, retractions and status changes. */
export const FEED_CHANGE_KINDS = [
  "event.published",
  "event.corrected",
  "event.retracted",
  "presence.statusChanged",
  "assessment.published",
] as const satisfies readonly ChangeKind[];

export const FEED_FILTER_KEYS = ["country", "organisation", "region", "type", "status", "kind", "category", "pillar", "area", "confidence"] as const;
export type FeedFilterKey = (typeof FEED_FILTER_KEYS)[number];
export type FeedFilters = Pick<TableFilters, FeedFilterKey>;

/**
 * Filters only events can meet (a status change is no event of a kind, category or area):
 * with one of them set, a feed carries events only. Status and the rest apply to both: an
 * event by the status it leads to, a status change by the status it changed to.
 */
export const EVENT_ONLY_FILTERS: readonly FeedFilterKey[] = ["kind", "category", "pillar", "area", "confidence"];

export const feedFiltersSchema = z
  .object(
    Object.fromEntries(FEED_FILTER_KEYS.map((key) => [key, FILTER_SCHEMAS[key].optional()])) as {
      [K in FeedFilterKey]: z.ZodOptional<(typeof FILTER_SCHEMAS)[K]>;
    },
  )
  .strict();

/** The filters as stored and as the events table reads them, keys in a fixed order. */
export function feedFiltersQuery(filters: FeedFilters): string {
  const search = new URLSearchParams();
  for (const key of FEED_FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined) search.set(key, String(value));
  }
  return search.toString();
}

/** Stored filters back (a stored feed was validated when made; anything unreadable is dropped). */
export function parseStoredFeedFilters(query: string): FeedFilters {
  const filters: FeedFilters = {};
  for (const [key, value] of new URLSearchParams(query)) {
    if (!(FEED_FILTER_KEYS as readonly string[]).includes(key)) continue;
    const parsed = FILTER_SCHEMAS[key as FeedFilterKey].safeParse(value);
    if (parsed.success) Object.assign(filters, { [key]: parsed.data });
  }
  return filters;
}

export const carriesStatusChanges = (filters: FeedFilters) => !EVENT_ONLY_FILTERS.some((key) => filters[key] !== undefined);

/** Filters an assessment can meet: a feed of a country, a region or everything also carries the published assessments. */
export const ASSESSMENT_FILTERS: readonly FeedFilterKey[] = ["country", "region"];
export const carriesAssessments = (filters: FeedFilters) => FEED_FILTER_KEYS.every((key) => filters[key] === undefined || ASSESSMENT_FILTERS.includes(key));

/** The kinds of change a feed with these filters carries. */
export function feedKinds(filters: FeedFilters): (typeof FEED_CHANGE_KINDS)[number][] {
  return FEED_CHANGE_KINDS.filter(
    (kind) =>
      kind.startsWith("event.") ||
      (kind === "presence.statusChanged" && carriesStatusChanges(filters)) ||
      (kind === "assessment.published" && carriesAssessments(filters)),
  );
}

/** Names for the codes a feed's filters cannot name themselves (country, organisation, area), when known. */
export interface FeedFilterNames {
  country?: string;
  organisation?: string;
  area?: string;
}

/** "Niger · Expelled · Impediments to entry": what a feed follows, in words, for its title and the account list. */
export function describeFeedFilters(filters: FeedFilters, names: FeedFilterNames = {}, locale: Locale = DEFAULT_LOCALE): string {
  const labels = vocabularyLabels(locale);
  const fr = locale === "fr";
  const parts = [
    filters.country && (names.country ?? filters.country),
    filters.area && (names.area ?? filters.area),
    filters.region,
    filters.organisation !== undefined && (names.organisation ?? `Organisation ${filters.organisation}`),
    filters.type && labels.organisationType[filters.type],
    filters.status && labels.status[filters.status],
    filters.kind && labels.kind[filters.kind],
    filters.pillar && PILLAR_LABELS[filters.pillar][fr ? "fr" : "en"],
    filters.category && (fr ? CATEGORY[filters.category].fr : CATEGORY_LABELS[filters.category]),
    filters.confidence && labels.confidence[filters.confidence],
  ].filter((part): part is string => Boolean(part));
  return parts.length ? parts.join(" · ") : fr ? "Tous les pays et toutes les organisations" : "All countries and organisations";
}

export interface FeedEntry {
  seq: string;
  /** The writing transaction: with seq, the change's place in the log. */
  txid: string;
  kind: ChangeKind;
  changedAt: Date;
  eventId: number | null;
  organisationId: number | null;
  organisationName: string | null;
  countryIso3: string | null;
  countryName: string | null;
  /** For a status change: what it changed to and from. */
  status: Status | null;
  previousStatus: Status | null;
  /** For an event (as it reads now: a corrected event shows its corrected text). */
  event: {
    kind: EventKind;
    category: Category | null;
    resultingStatus: Status | null;
    occurredOn: string;
    datePrecision: DatePrecision;
    summary: string;
    version: number;
    retractionReason: string | null;
    sources: { publisher: string; title: string; url: string | null }[];
  } | null;
  /** For a published assessment: the version it announces. */
  assessment: {
    id: number;
    from: string;
    to: string;
    area: { code: string; name: string } | null;
    version: number;
    level: AccessLevel | null;
    computedLevel: AccessLevel | null;
    overrideReason: string | null;
  } | null;
}

const WHAT: Record<Locale, Record<(typeof FEED_CHANGE_KINDS)[number], string>> = {
  en: {
    "event.published": "New event",
    "event.corrected": "Event corrected",
    "event.retracted": "Event retracted",
    "presence.statusChanged": "Status changed",
    "assessment.published": "Access assessed",
  },
  fr: {
    "event.published": "Nouvel événement",
    "event.corrected": "Événement corrigé",
    "event.retracted": "Événement retiré",
    "presence.statusChanged": "Statut changé",
    "assessment.published": "Accès évalué",
  },
};

/** Who and where: "Acted in Niger", or the country alone for a country-level event. */
function subject(entry: FeedEntry, locale: Locale): string {
  const country = entry.countryName ?? entry.countryIso3 ?? "";
  return entry.organisationName ? presenceName(entry.organisationName, country, locale) : country;
}

/** "Status changed: ICRC in Niger, Operating → Expelled"; "New event: Acted in Niger, Suspension (Restricted)". */
export function feedEntryTitle(entry: FeedEntry, locale: Locale = DEFAULT_LOCALE): string {
  const what = WHAT[locale][entry.kind as keyof (typeof WHAT)["en"]] ?? entry.kind;
  const { status: statusLabels, kind: kindLabels } = vocabularyLabels(locale);
  const sep = locale === "fr" ? " : " : ": ";
  if (entry.kind === "presence.statusChanged" && entry.status) {
    const change = entry.previousStatus ? `${statusLabels[entry.previousStatus]} → ${statusLabels[entry.status]}` : statusLabels[entry.status];
    return `${what}${sep}${subject(entry, locale)}, ${change}`;
  }
  if (entry.assessment) {
    const a = entry.assessment;
    const place = a.area ? `${a.area.name} (${subject(entry, locale)})` : subject(entry, locale);
    const period = `${formatIsoDate(a.from, "DAY", locale)} – ${formatIsoDate(a.to, "DAY", locale)}`;
    const level = locale === "fr" ? `niveau ${accessLevelText(a.level, locale, "aucun")}` : `level ${accessLevelText(a.level, locale, "none")}`;
    return `${what}${sep}${place}, ${period}, ${level}`;
  }
  if (entry.event) {
    const status = entry.event.resultingStatus ? ` (${statusLabels[entry.event.resultingStatus]})` : "";
    return `${what}${sep}${subject(entry, locale)}, ${kindLabels[entry.event.kind]}${status}`;
  }
  return `${what}${sep}${subject(entry, locale)}`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The entry's body, as HTML (escaped here; the feed writer escapes it again as XML text). */
export function feedEntryHtml(entry: FeedEntry): string {
  const lines: string[] = [];
  const event = entry.event;
  if (event) {
    lines.push(`<p>${escapeHtml(event.summary)}</p>`);
    const facts = [
      `Date: ${formatIsoDate(event.occurredOn, event.datePrecision)}`,
      `Kind: ${EVENT_KIND_LABELS[event.kind]}`,
      event.resultingStatus ? `Resulting status: ${STATUS_LABELS[event.resultingStatus]}` : null,
      event.category ? `Access constraint: ${CATEGORY_LABELS[event.category]}` : null,
      `Version ${event.version}`,
    ].filter((fact): fact is string => fact !== null);
    lines.push(`<p>${facts.map(escapeHtml).join("<br>")}</p>`);
    if (event.retractionReason) lines.push(`<p>Retracted: ${escapeHtml(event.retractionReason)}</p>`);
    if (event.sources.length) {
      const items = event.sources.map((s) => {
        const label = escapeHtml(`${s.publisher}: ${s.title}`);
        return `<li>${s.url ? `<a href="${escapeHtml(s.url)}">${label}</a>` : label}</li>`;
      });
      lines.push(`<p>Sources:</p><ul>${items.join("")}</ul>`);
    }
  } else if (entry.assessment) {
    const a = entry.assessment;
    lines.push(`<p>${escapeHtml(feedEntryTitle(entry))}.</p>`);
    const facts = [
      `Access level: ${accessLevelText(a.level, "en", "none (more than three information gaps)")}`,
      a.overrideReason ? `Stated by the analyst instead of the rule's ${accessLevelText(a.computedLevel, "en", "none")}: ${a.overrideReason}` : null,
      `Version ${a.version}`,
    ].filter((fact): fact is string => fact !== null);
    lines.push(`<p>${facts.map(escapeHtml).join("<br>")}</p>`);
  } else if (entry.status) {
    lines.push(`<p>${escapeHtml(feedEntryTitle(entry))}.</p>`);
  }
  return lines.join("");
}

/** Where an entry opens in the app: the event, the assessment, or the organisation's page for a status change. */
export function feedEntryPath(entry: FeedEntry): string {
  if (entry.assessment) return `/assessments/${entry.assessment.id}`;
  if (entry.eventId !== null) return `/events/${entry.eventId}`;
  if (entry.organisationId !== null) return `/organisations/${entry.organisationId}`;
  return entry.countryIso3 ? `/countries/${entry.countryIso3}` : "/";
}
