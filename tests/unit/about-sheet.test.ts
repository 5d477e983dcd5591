import { describe, expect, it } from "vitest";
import { TABLE_COLUMNS, TABLE_NAMES } from "@/lib/domain/tables/columns";
import { columnMeaning } from "@/lib/domain/tables/column-meanings";
import { aboutSheetRows } from "@/lib/domain/tables/about-sheet";

describe("the XLSX About sheet", () => {
  it("has a meaning for every column of every table", () => {
    const missing = TABLE_NAMES.flatMap((table) => TABLE_COLUMNS[table].filter((c) => !columnMeaning(table, c.id)).map((c) => `${table}.${c.id}`));
    expect(missing).toEqual([]);
  });

  it("says what the file holds, for which view, when, where, how to cite it, each column and the vocabularies", () => {
    const rows = aboutSheetRows(
      {
        table: "presences",
        title: "Presences",
        filters: { country: "NER", status: "EXPELLED" },
        asOf: "2025-02-28",
        generatedAt: "2026-12-03T16:00:00.000Z",
        instance: "https://monitor.example.org (server app-1)",
      },
      [{ id: "status", label: "Status", hxl: "#status" }],
    );
    expect(rows.slice(0, 8)).toEqual([
      ["Access Monitor: Presences"],
      [],
      ["Holds", "The presences table, one row per line of the first sheet, with the filters below."],
      ["Filters", "country = NER; status = EXPELLED"],
      ["As of", "2025-02-28"],
      ["Generated", "2026-12-03T16:00:00.000Z"],
      ["By", "https://monitor.example.org (server app-1)"],
      [
        "How to cite",
        'Access Monitor (https://monitor.example.org (server app-1)), "Presences", as of 2025-02-28, generated 2026-12-03T16:00:00.000Z. ' +
          "Every row names its sources: cite them as well, and check them before relying on a row.",
      ],
    ]);
    expect(rows).toContainEqual(["Column", "HXL tag", "Meaning"]);
    expect(rows).toContainEqual(["Status", "#status", "Operating, restricted or expelled (see the statuses below)."]);
    expect(rows).toContainEqual(["Statuses", "Code"]);
    expect(rows).toContainEqual(["Expelled", "EXPELLED"]);
    expect(rows).toContainEqual(["Access constraints (ACAPS's nine indicators)", "Code", "Pillar"]);
    expect(rows).toContainEqual(["Movement restrictions within the country", "MOVEMENT_RESTRICTIONS", expect.any(String)]);
    expect(rows).toContainEqual(["Confidence", "Code"]);
    expect(rows).toContainEqual(["Confirmed", "CONFIRMED"]);
    expect(aboutSheetRows({ table: "events", title: "Events", filters: {}, asOf: "2025-01-01", generatedAt: "x", instance: "y" }, [])[3]).toEqual([
      "Filters",
      "none (every row)",
    ]);
  });
});
