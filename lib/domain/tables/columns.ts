// The columns of every table: the one source of truth for the table headers, the column
// picker, the sortable allow-list and all four export formats (CSV, XLSX, JSON, HXL).
import { CONFIDENCE_LABELS, EVENT_KIND_LABELS, ORGANISATION_TYPE_LABELS, STATUS_LABELS } from "../vocabulary";
import { CATEGORIES, CATEGORY_LABELS, CATEGORY_PILLAR, SUBTYPE_LABELS } from "../constraint-codes";
import { ACCESS_LEVEL_LABELS } from "../assessments";
import { INDICATOR_HXL } from "../hxl";
import { concernsLabel } from "../concerns";
import { PILLAR_LABELS } from "../pillars";
import { describeChanges } from "../audit-diff";
import type { TableRows, SourceRef } from "./rows";

export const TABLE_NAMES = ["organisations", "presences", "events", "assessments", "audit"] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export type CellKind = "text" | "number" | "date" | "datetime";
export type CellValue = string | number | null;

export interface Column<Row> {
  /** Stable key: URL `cols=` and `sort=`, JSON export keys. */
  id: string;
  label: string;
  /** HXL hashtag for the second row of the HXL export. */
  hxl: string;
  kind: CellKind;
  /** Export value: ISO strings for dates, labels for vocabularies, plain numbers. */
  value: (row: Row) => CellValue;
  /** Column width in characters in the XLSX export. */
  width: number;
  sortable?: boolean;
  /** Shown unless the user hides it. */
  visible?: boolean;
}

export type Columns<T extends TableName> = readonly Column<TableRows[T]>[];

const sourceNames = (sources: SourceRef[]) => sources.map((s) => `${s.publisher}: ${s.title}`).join(" | ") || null;
const sourceUrls = (sources: SourceRef[]) => sources.flatMap((s) => (s.url ? [s.url] : [])).join(" ") || null;
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export const TABLE_COLUMNS: { [T in TableName]: Columns<T> } = {
  presences: [
    { id: "id", label: "Presence id", hxl: "#meta+id", kind: "number", value: (r) => r.id, width: 10 },
    { id: "organisation", label: "Organisation", hxl: "#org+name", kind: "text", value: (r) => r.organisationName, width: 36, sortable: true, visible: true },
    { id: "acronym", label: "Acronym", hxl: "#org+acronym", kind: "text", value: (r) => r.organisationAcronym, width: 12, visible: true },
    {
      id: "type",
      label: "Type",
      hxl: "#org+type",
      kind: "text",
      value: (r) => ORGANISATION_TYPE_LABELS[r.organisationType],
      width: 24,
      sortable: true,
      visible: true,
    },
    { id: "iatiId", label: "IATI identifier", hxl: "#org+code", kind: "text", value: (r) => r.iatiId, width: 20 },
    { id: "country", label: "Country", hxl: "#country+name", kind: "text", value: (r) => r.countryName, width: 22, sortable: true, visible: true },
    { id: "iso3", label: "ISO3", hxl: "#country+code", kind: "text", value: (r) => r.countryIso3, width: 7 },
    { id: "region", label: "Region", hxl: "#region+name", kind: "text", value: (r) => r.region, width: 12 },
    { id: "status", label: "Status", hxl: "#status", kind: "text", value: (r) => STATUS_LABELS[r.status], width: 12, sortable: true, visible: true },
    { id: "since", label: "Since", hxl: "#date+start", kind: "date", value: (r) => r.since, width: 12, sortable: true, visible: true },
    { id: "sincePrecision", label: "Since (precision)", hxl: "#date+start+precision", kind: "text", value: (r) => r.sincePrecision.toLowerCase(), width: 10 },
    {
      id: "peopleAffected",
      label: "People affected",
      hxl: "#affected+ind",
      kind: "number",
      value: (r) => r.peopleAffected,
      width: 16,
      sortable: true,
      visible: true,
    },
    { id: "disputed", label: "Disputed", hxl: "#status+disputed", kind: "text", value: (r) => (r.disputed ? "yes" : "no"), width: 10 },
    { id: "areas", label: "Works in (areas)", hxl: "#adm1+name", kind: "text", value: (r) => r.areas.map((a) => a.name).join("; ") || null, width: 30 },
    { id: "areaCodes", label: "Area codes", hxl: "#adm1+code", kind: "text", value: (r) => r.areas.map((a) => a.code).join("; ") || null, width: 14 },
    { id: "sources", label: "Sources", hxl: "#meta+source", kind: "text", value: (r) => sourceNames(r.sources), width: 50, visible: true },
    { id: "sourceUrls", label: "Source URLs", hxl: "#meta+url", kind: "text", value: (r) => sourceUrls(r.sources), width: 50 },
  ],
  events: [
    { id: "id", label: "Event id", hxl: "#meta+id", kind: "number", value: (r) => r.id, width: 10 },
    { id: "occurredOn", label: "Date", hxl: "#date+occurred", kind: "date", value: (r) => r.occurredOn, width: 12, sortable: true, visible: true },
    { id: "datePrecision", label: "Date precision", hxl: "#date+occurred+precision", kind: "text", value: (r) => r.datePrecision.toLowerCase(), width: 10 },
    { id: "country", label: "Country", hxl: "#country+name", kind: "text", value: (r) => r.countryName, width: 22, sortable: true, visible: true },
    { id: "iso3", label: "ISO3", hxl: "#country+code", kind: "text", value: (r) => r.countryIso3, width: 7 },
    { id: "region", label: "Region", hxl: "#region+name", kind: "text", value: (r) => r.region, width: 12 },
    { id: "organisation", label: "Organisation", hxl: "#org+name", kind: "text", value: (r) => r.organisationName, width: 36, sortable: true, visible: true },
    {
      id: "type",
      label: "Type",
      hxl: "#org+type",
      kind: "text",
      value: (r) => (r.organisationType ? ORGANISATION_TYPE_LABELS[r.organisationType] : null),
      width: 24,
    },
    { id: "iatiId", label: "IATI identifier", hxl: "#org+code", kind: "text", value: (r) => r.iatiId, width: 20 },
    { id: "kind", label: "Event", hxl: "#event+type", kind: "text", value: (r) => EVENT_KIND_LABELS[r.kind], width: 22, sortable: true, visible: true },
    {
      id: "category",
      label: "Access constraint",
      hxl: "#access+category",
      kind: "text",
      value: (r) => (r.category ? CATEGORY_LABELS[r.category] : null),
      width: 30,
    },
    {
      id: "pillar",
      label: "Pillar",
      hxl: "#access+pillar",
      kind: "text",
      value: (r) => (r.category ? PILLAR_LABELS[CATEGORY_PILLAR[r.category]].en : null),
      width: 30,
    },
    { id: "subtype", label: "Subtype", hxl: "#access+subtype", kind: "text", value: (r) => (r.subtype ? SUBTYPE_LABELS[r.subtype] : null), width: 24 },
    {
      id: "areas",
      label: "Areas",
      hxl: "#adm1+name",
      kind: "text",
      value: (r) => r.areas.map((a) => a.name).join("; ") || null,
      width: 24,
      visible: true,
    },
    { id: "areaCodes", label: "Area codes", hxl: "#adm1+code", kind: "text", value: (r) => r.areas.map((a) => a.code).join("; ") || null, width: 14 },
    { id: "concerns", label: "Concerns", hxl: "#org+name+concerned", kind: "text", value: (r) => concernsLabel(r), width: 36 },
    { id: "parentEventId", label: "Part of constraint", hxl: "#meta+id+parent", kind: "number", value: (r) => r.parentEventId, width: 10 },
    {
      id: "status",
      label: "Resulting status",
      hxl: "#status",
      kind: "text",
      value: (r) => (r.resultingStatus ? STATUS_LABELS[r.resultingStatus] : null),
      width: 14,
      sortable: true,
      visible: true,
    },
    {
      id: "confidence",
      label: "Confidence",
      hxl: "#status+confidence",
      kind: "text",
      value: (r) => CONFIDENCE_LABELS[r.confidence],
      width: 12,
      sortable: true,
      visible: true,
    },
    {
      id: "peopleAffected",
      label: "People affected",
      hxl: "#affected+ind",
      kind: "number",
      value: (r) => r.peopleAffected,
      width: 16,
      sortable: true,
      visible: true,
    },
    { id: "summary", label: "Summary", hxl: "#description", kind: "text", value: (r) => r.summary, width: 60, visible: true },
    { id: "sources", label: "Sources", hxl: "#meta+source", kind: "text", value: (r) => sourceNames(r.sources), width: 50 },
    { id: "sourceUrls", label: "Source URLs", hxl: "#meta+url", kind: "text", value: (r) => sourceUrls(r.sources), width: 50 },
  ],
  assessments: [
    { id: "id", label: "Assessment id", hxl: "#meta+id", kind: "number", value: (r) => r.id, width: 10 },
    { id: "country", label: "Country", hxl: "#country+name", kind: "text", value: (r) => r.countryName, width: 22, sortable: true, visible: true },
    { id: "iso3", label: "ISO3", hxl: "#country+code", kind: "text", value: (r) => r.countryIso3, width: 7 },
    { id: "region", label: "Region", hxl: "#region+name", kind: "text", value: (r) => r.region, width: 12 },
    { id: "area", label: "Area", hxl: "#adm1+name", kind: "text", value: (r) => r.area?.name ?? null, width: 22, visible: true },
    { id: "areaCode", label: "Area code", hxl: "#adm1+code", kind: "text", value: (r) => r.area?.code ?? null, width: 10 },
    { id: "from", label: "Period from", hxl: "#date+start", kind: "date", value: (r) => r.from, width: 12, visible: true },
    { id: "to", label: "Period to", hxl: "#date+end", kind: "date", value: (r) => r.to, width: 12, sortable: true, visible: true },
    { id: "level", label: "Access level", hxl: "#severity+num", kind: "number", value: (r) => r.level, width: 8, sortable: true, visible: true },
    {
      id: "levelLabel",
      label: "Access level (label)",
      hxl: "#severity+name",
      kind: "text",
      value: (r) => (r.level === null ? null : ACCESS_LEVEL_LABELS.en[r.level]),
      width: 22,
    },
    { id: "computedLevel", label: "Level by the rule", hxl: "#severity+num+computed", kind: "number", value: (r) => r.computedLevel, width: 8 },
    {
      id: "overrideReason",
      label: "Override reason",
      hxl: "#severity+override+text",
      kind: "text",
      value: (r) => r.override?.reason ?? null,
      width: 40,
      visible: true,
    },
    { id: "gaps", label: "Gaps (X)", hxl: "#access+num+gap", kind: "number", value: (r) => r.gaps, width: 8, visible: true },
    // ACAPS's notation: 0–3, X for an information gap.
    ...CATEGORIES.map((category): Column<TableRows["assessments"]> => ({
      id: category,
      label: CATEGORY_LABELS[category],
      hxl: `#access+num+${INDICATOR_HXL[category]}`,
      kind: "number",
      value: (r) => r.scores[category] ?? "X",
      width: 10,
    })),
    { id: "evidence", label: "Events cited", hxl: "#event+num", kind: "number", value: (r) => r.evidence, width: 8, visible: true },
    {
      id: "evidenceChanged",
      label: "Evidence changed",
      hxl: "#event+num+changed",
      kind: "number",
      value: (r) => r.evidenceChanged,
      width: 10,
      visible: true,
    },
    { id: "version", label: "Version", hxl: "#meta+version", kind: "number", value: (r) => r.version, width: 8 },
    {
      id: "publishedAt",
      label: "Published (UTC)",
      hxl: "#date+published",
      kind: "datetime",
      value: (r) => r.publishedAt,
      width: 20,
      sortable: true,
      visible: true,
    },
  ],
  organisations: [
    { id: "id", label: "Organisation id", hxl: "#meta+id", kind: "number", value: (r) => r.id, width: 10 },
    { id: "name", label: "Name", hxl: "#org+name", kind: "text", value: (r) => r.name, width: 36, sortable: true, visible: true },
    { id: "acronym", label: "Acronym", hxl: "#org+acronym", kind: "text", value: (r) => r.acronym, width: 12, sortable: true, visible: true },
    { id: "type", label: "Type", hxl: "#org+type", kind: "text", value: (r) => ORGANISATION_TYPE_LABELS[r.type], width: 24, sortable: true, visible: true },
    { id: "iatiId", label: "IATI identifier", hxl: "#org+code", kind: "text", value: (r) => r.iatiId, width: 20, visible: true },
    { id: "website", label: "Website", hxl: "#meta+url", kind: "text", value: (r) => r.website, width: 30 },
    { id: "countries", label: "Countries", hxl: "#country+num", kind: "number", value: (r) => r.countries, width: 11, sortable: true, visible: true },
    { id: "operating", label: "Operating in", hxl: "#country+num+operating", kind: "number", value: (r) => r.operating, width: 12, visible: true },
    { id: "restricted", label: "Restricted in", hxl: "#country+num+restricted", kind: "number", value: (r) => r.restricted, width: 12, visible: true },
    {
      id: "expelled",
      label: "Expelled from",
      hxl: "#country+num+expelled",
      kind: "number",
      value: (r) => r.expelled,
      width: 12,
      sortable: true,
      visible: true,
    },
  ],
  audit: [
    { id: "id", label: "Entry id", hxl: "#meta+id", kind: "number", value: (r) => r.id, width: 10 },
    { id: "createdAt", label: "When (UTC)", hxl: "#date+logged", kind: "datetime", value: (r) => r.createdAt, width: 20, sortable: true, visible: true },
    { id: "actor", label: "Who", hxl: "#meta+actor", kind: "text", value: (r) => r.actorEmail, width: 28, sortable: true, visible: true },
    { id: "action", label: "Action", hxl: "#meta+action", kind: "text", value: (r) => r.action, width: 22, sortable: true, visible: true },
    { id: "entityType", label: "Entity", hxl: "#meta+entity+type", kind: "text", value: (r) => r.entityType, width: 14, sortable: true, visible: true },
    { id: "entityId", label: "Entity id", hxl: "#meta+entity+code", kind: "text", value: (r) => r.entityId, width: 12, visible: true },
    { id: "changes", label: "Changes", hxl: "#meta+changes", kind: "text", value: (r) => describeChanges(r.before, r.after) || null, width: 60, visible: true },
    { id: "before", label: "Before (JSON)", hxl: "#meta+before", kind: "text", value: (r) => json(r.before), width: 50 },
    { id: "after", label: "After (JSON)", hxl: "#meta+after", kind: "text", value: (r) => json(r.after), width: 50 },
  ],
};

export function defaultVisibleColumns(table: TableName): string[] {
  return TABLE_COLUMNS[table].filter((c) => c.visible).map((c) => c.id);
}

export function sortableColumns(table: TableName): string[] {
  return TABLE_COLUMNS[table].filter((c) => c.sortable).map((c) => c.id);
}

/** The columns to show or export, in table order; unknown ids are ignored, none means the default. */
/**
 * The columns of an export: the chosen ones, plus what no file may lose whatever is shown
 * (the record's id and codes, every date's precision: TABLES[table].alwaysExported), in
 * table order.
 */
export function exportColumns<T extends TableName>(table: T, chosen: Columns<T>, alwaysExported: readonly string[]): Columns<T> {
  const ids = new Set([...chosen.map((c) => c.id), ...alwaysExported]);
  return TABLE_COLUMNS[table].filter((c) => ids.has(c.id));
}

export function selectColumns<T extends TableName>(table: T, ids: readonly string[] | null | undefined): Columns<T> {
  const all = TABLE_COLUMNS[table];
  const wanted = new Set(ids?.length ? ids : defaultVisibleColumns(table));
  const chosen = all.filter((c) => wanted.has(c.id));
  return chosen.length ? chosen : all.filter((c) => c.visible);
}
