// What an imported file's columns mean: the app's own exports (headers or HXL tags, from the
// one column list in tables/columns.ts) and a mapping the analyst chooses for other files;
// which table a file holds; and the values of a row read back as the forms take them
// (labels or codes for vocabularies, formula neutralisation undone, sources split).
import { COLUMN_LABELS_FR } from "./tables/column-labels";
import { TABLE_COLUMNS } from "./tables/columns";
import { foldForSearch } from "./search-text";
import { CONFIDENCE_LABELS, EVENT_KIND_LABELS, ORGANISATION_TYPE_LABELS, STATUS_LABELS } from "./vocabulary";
import { CATEGORY_LABELS, SUBTYPE_LABELS } from "./constraint-codes";

export const IMPORT_TABLES = ["events", "presences", "organisations"] as const;
export type ImportTable = (typeof IMPORT_TABLES)[number];

/** The fields a row of each table may fill: the export's column ids that mean something on the way in. */
export const IMPORT_FIELDS: Record<ImportTable, readonly string[]> = {
  events: [
    "id",
    "occurredOn",
    "datePrecision",
    "country",
    "iso3",
    "organisation",
    "type",
    "iatiId",
    "kind",
    "category",
    "subtype",
    "areaCodes",
    "status",
    "confidence",
    "peopleAffected",
    "summary",
    "sources",
    "sourceUrls",
  ],
  presences: ["id", "organisation", "acronym", "type", "iatiId", "country", "iso3", "areaCodes"],
  organisations: ["id", "name", "acronym", "type", "iatiId", "website"],
};

/** Fields a file must have (by header, tag or mapping) to be read as that table. */
export const REQUIRED_FIELDS: Record<ImportTable, readonly string[][]> = {
  // Each inner list: one of them is enough (a country by name or by code).
  events: [["occurredOn"], ["kind"], ["summary"], ["country", "iso3"]],
  presences: [["organisation"], ["country", "iso3"]],
  organisations: [["name"], ["type"]],
};

export type ColumnMapping = Record<number, string>; // column index → field id

const normaliseTag = (tag: string) => {
  const [hash, ...attributes] = tag.trim().toLowerCase().replace(/\s+/g, "").split("+");
  return [hash, ...attributes.filter(Boolean).sort()].join("+");
};

/** A header row (and the HXL tag row, if any) matched to the table's fields: by tag first, then by header or column id. */
export function matchColumns(table: ImportTable, headers: string[], tags: string[] | null): ColumnMapping {
  const fields = new Set(IMPORT_FIELDS[table]);
  const columns = TABLE_COLUMNS[table].filter((c) => fields.has(c.id));
  const byTag = new Map(columns.map((c) => [normaliseTag(c.hxl), c.id]));
  // A header in English, in French (an export made with ?lang=fr) or the column's id.
  const byHeader = new Map(
    columns.flatMap((c) => [
      [foldForSearch(c.label), c.id] as const,
      [foldForSearch(COLUMN_LABELS_FR[table][c.id] ?? c.label), c.id] as const,
      [foldForSearch(c.id), c.id] as const,
    ]),
  );
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  headers.forEach((header, index) => {
    const field = (tags?.[index] ? byTag.get(normaliseTag(tags[index]!)) : undefined) ?? byHeader.get(foldForSearch(header.trim()));
    if (field && !taken.has(field)) {
      mapping[index] = field;
      taken.add(field);
    }
  });
  return mapping;
}

/** Which required fields the mapping lacks (each as its column label), empty when it can be read. */
export function missingFields(table: ImportTable, mapping: ColumnMapping): string[] {
  const present = new Set(Object.values(mapping));
  const label = (id: string) => TABLE_COLUMNS[table].find((c) => c.id === id)?.label ?? id;
  return REQUIRED_FIELDS[table].filter((anyOf) => !anyOf.some((f) => present.has(f))).map((anyOf) => anyOf.map(label).join(" or "));
}

/** The table a file most likely holds: the one whose required fields it has, with the most columns matched. */
export function detectTable(headers: string[], tags: string[] | null): { table: ImportTable; mapping: ColumnMapping } | null {
  const candidates = IMPORT_TABLES.map((table) => ({ table, mapping: matchColumns(table, headers, tags) }))
    .filter((c) => missingFields(c.table, c.mapping).length === 0)
    .sort((a, b) => Object.keys(b.mapping).length - Object.keys(a.mapping).length);
  return candidates[0] ?? null;
}

/** Whether a row is an HXL hashtag row (every non-empty cell a #tag, at least one). */
export function isHxlTagRow(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return filled.length > 0 && filled.every((c) => /^#[a-z][a-z0-9_]*(\s*\+\s*[a-z][a-z0-9_]*)*$/i.test(c));
}

/** Undoes the export's formula neutralisation: "'=1+1" was written for "=1+1". */
export function unneutralise(text: string): string {
  return /^'[=+\-@\t\r\0]/.test(text) ? text.slice(1) : text;
}

/** A vocabulary value from its code ("EXPELLED") or its label, any case ("Expelled"); undefined when empty, null when unknown. */
export function vocabularyValue<T extends string>(labels: Record<T, string>, text: string | undefined): T | null | undefined {
  const wanted = text?.trim();
  if (!wanted) return undefined;
  const folded = foldForSearch(wanted);
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    if (foldForSearch(code) === folded || foldForSearch(label) === folded || foldForSearch(code.replace(/_/g, " ")) === folded) return code;
  }
  return null;
}

export const IMPORT_VOCABULARIES = {
  status: STATUS_LABELS,
  confidence: CONFIDENCE_LABELS,
  kind: EVENT_KIND_LABELS,
  type: ORGANISATION_TYPE_LABELS,
  category: CATEGORY_LABELS,
  subtype: SUBTYPE_LABELS,
} as const;

/**
 * The sources of an exported row: "Publisher: Title | Publisher: Title" and the URLs, space
 * separated, of those that have one. URLs pair with sources in order when there are as many;
 * one URL for one source is that source's.
 */
export function parseSources(names: string | undefined, urls: string | undefined): { publisher: string; title: string; url?: string }[] | null {
  const parts = (names ?? "")
    .split(" | ")
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) return null;
  const links = (urls ?? "").split(/\s+/).filter(Boolean);
  return parts.map((part, i) => {
    const cut = part.indexOf(": ");
    const publisher = cut > 0 ? part.slice(0, cut) : part;
    const title = cut > 0 ? part.slice(cut + 2) : part;
    const url = links.length === parts.length ? links[i] : undefined;
    return { publisher, title, ...(url ? { url } : {}) };
  });
}

/** Area codes as exported: "NE-6; NE-8". */
export const parseAreaCodes = (text: string | undefined) =>
  (text ?? "")
    .split(/[;,]/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);

/** The actions a previewed row may have: what committing it will do. */
export const ROW_ACTIONS = ["create", "existing", "duplicate", "error"] as const;
export type RowAction = (typeof ROW_ACTIONS)[number];

/** Size limit of an imported file (bytes), separate from the 64 kB of JSON bodies. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
/** Rows one import may hold. */
export const IMPORT_MAX_ROWS = 200_000;
