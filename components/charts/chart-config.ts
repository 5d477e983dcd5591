// One mapping from each chart series to its label and colour, used by every chart and
// its table view. Status colours match the badges; the others are Paul Tol's colour-blind
// safe qualitative palettes.
import { PILLAR_LABELS, PILLARS, type Pillar } from "@/lib/domain/pillars";
import { EVENT_KINDS, STATUSES, vocabularyLabels, type EventKind, type Status } from "@/lib/domain/vocabulary";
import type { Locale } from "@/lib/domain/locales";
import { formatMonth } from "@/lib/domain/partial-date";

export interface SeriesConfig {
  key: string;
  label: string;
  colour: string;
}

export const STATUS_COLOURS: Record<Status, string> = {
  OPERATING: "#0072b2",
  RESTRICTED: "#9c5205",
  EXPELLED: "#882255",
};

export const statusSeries = (locale: Locale): SeriesConfig[] =>
  STATUSES.map((s) => ({ key: s, label: vocabularyLabels(locale).status[s], colour: STATUS_COLOURS[s] }));

const KIND_COLOURS: Record<EventKind, string> = {
  ORDER_TO_LEAVE: "#882255",
  LICENCE_REVOKED: "#aa4499",
  AGREEMENT_TERMINATED: "#cc6677",
  OPERATIONS_SUSPENDED: "#ddcc77",
  OFFICE_CLOSED: "#999933",
  WITHDRAWAL_COMPLETED: "#332288",
  RESTRICTION_IMPOSED: "#9c5205",
  RESTRICTION_LIFTED: "#44aa99",
  READMITTED: "#117733",
  ARRIVAL: "#88ccee",
  OTHER: "#999999",
};

export const eventKindSeries = (locale: Locale): SeriesConfig[] =>
  EVENT_KINDS.map((k) => ({ key: k, label: vocabularyLabels(locale).kind[k], colour: KIND_COLOURS[k] }));

/** The three pillars of ACAPS's access indicators (Paul Tol's muted palette, apart from the status colours). */
const PILLAR_COLOURS: Record<Pillar, string> = {
  PEOPLE_ACCESS_TO_AID: "#44aa99",
  HUMANITARIAN_ACCESS_TO_PEOPLE: "#332288",
  SECURITY_AND_PHYSICAL: "#ddcc77",
};

export const pillarSeries = (locale: Locale): SeriesConfig[] => PILLARS.map((p) => ({ key: p, label: PILLAR_LABELS[p][locale], colour: PILLAR_COLOURS[p] }));

/** "2024-04" → "Apr 2024" ("avril 2024"). */
export function monthLabel(key: string, locale: Locale): string {
  const [year, month] = key.split("-");
  return formatMonth(Number(year), Number(month) - 1, locale);
}
