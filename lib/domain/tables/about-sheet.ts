// The "About" sheet of an XLSX export (what HDX asks a dataset to carry): what the file
// holds, for which view and date, made when and where, each column with its HXL tag and
// meaning, the vocabularies the cells use, and how to cite it. Pure: rows of text.
import { CONFIDENCE_LABELS, EVENT_KIND_LABELS, ORGANISATION_TYPE_LABELS, STATUS_LABELS } from "../vocabulary";
import { CATEGORY_LABELS, CATEGORY_PILLAR } from "../constraint-codes";
import { PILLAR_LABELS } from "../pillars";
import type { Column, TableName } from "./columns";
import { ACCESS_LEVEL_LABELS } from "../assessments";
import { columnMeaning } from "./column-meanings";

export interface AboutFile {
  table: TableName;
  title: string;
  /** The view's filters as shown in its address, e.g. { country: "NER", status: "EXPELLED" }. */
  filters: Record<string, string>;
  asOf: string;
  generatedAt: string;
  /** Which deployment made the file (its address) and which server. */
  instance: string;
}

export type AboutRow = (string | null)[];

export function aboutSheetRows(file: AboutFile, columns: readonly Pick<Column<never>, "id" | "label" | "hxl">[]): AboutRow[] {
  const filters = Object.entries(file.filters);
  const rows: AboutRow[] = [
    [`Access Monitor: ${file.title}`],
    [],
    ["Holds", `The ${file.title.toLowerCase()} table, one row per line of the first sheet, with the filters below.`],
    ["Filters", filters.length ? filters.map(([key, value]) => `${key} = ${value}`).join("; ") : "none (every row)"],
    ["As of", file.asOf],
    ["Generated", file.generatedAt],
    ["By", file.instance],
    [
      "How to cite",
      `Access Monitor (${file.instance}), "${file.title}", as of ${file.asOf}, generated ${file.generatedAt}. ` +
        "Every row names its sources: cite them as well, and check them before relying on a row.",
    ],
    [],
    ["Column", "HXL tag", "Meaning"],
    ...columns.map((c) => [c.label, c.hxl, columnMeaning(file.table, c.id)]),
  ];
  const vocabulary = (name: string, labels: Record<string, string>) => [[], [name, "Code"], ...Object.entries(labels).map(([code, label]) => [label, code])];
  rows.push(
    ...vocabulary("Statuses", STATUS_LABELS),
    ...vocabulary("Event kinds", EVENT_KIND_LABELS),
    ...vocabulary("Access constraints (ACAPS's nine indicators)", CATEGORY_LABELS).map((row, index) =>
      index > 1 && row[1] ? [...row, PILLAR_LABELS[CATEGORY_PILLAR[row[1] as keyof typeof CATEGORY_PILLAR]].en] : index === 1 ? [...row, "Pillar"] : row,
    ),
    ...vocabulary("Organisation types", ORGANISATION_TYPE_LABELS),
    ...vocabulary("Confidence", CONFIDENCE_LABELS),
    ...vocabulary("Access levels (ACAPS's scale)", ACCESS_LEVEL_LABELS.en),
  );
  return rows;
}
