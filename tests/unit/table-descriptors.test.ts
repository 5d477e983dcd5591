// One descriptor per table, and the SQL that serves it: a sortable column without a sort key
// would be a 500, a sort key without a column a sort nobody can ask for.
import { describe, expect, it } from "vitest";
import { auditTable } from "@/lib/data/tables/audit-table";
import { assessmentsTable } from "@/lib/data/tables/assessments-table";
import { eventsTable } from "@/lib/data/tables/events-table";
import { organisationsTable } from "@/lib/data/tables/organisations-table";
import { presencesTable } from "@/lib/data/tables/presences-table";
import type { TableDefinition } from "@/lib/data/tables/table-sql";
import { sortableColumns, TABLE_NAMES, type TableName } from "@/lib/domain/tables/columns";
import { hiddenWhenFixed, TABLES } from "@/lib/domain/tables/descriptors";
import { counted, presenceName } from "@/lib/domain/format";
import { parseTableQuery, type TableQuery } from "@/lib/domain/tables/query";

const SQL: Record<TableName, (query: TableQuery) => TableDefinition> = {
  organisations: organisationsTable,
  presences: presencesTable,
  events: eventsTable,
  assessments: assessmentsTable,
  audit: auditTable,
};
const now = new Date("2026-12-02T12:00:00Z");

describe("table descriptors", () => {
  it("give every sortable column a sort key in the table's SQL, and every sort key a sortable column", () => {
    for (const table of TABLE_NAMES) {
      const columns = sortableColumns(table).sort();
      expect(columns.length).toBeGreaterThan(0);
      for (const sort of [undefined, ...columns]) {
        const query = parseTableQuery(table, sort ? { sort, dir: "asc" } : {}, now);
        expect(Object.keys(SQL[table](query).sortKeys).sort(), `${table} sorted by ${sort ?? "default"}`).toEqual(columns);
      }
    }
  });

  it("sort each table by default on a sortable column", () => {
    for (const table of TABLE_NAMES) expect(sortableColumns(table)).toContain(TABLES[table].defaultSort.column);
  });

  it("keep the audit log for the roles that may read it", () => {
    expect(Object.fromEntries(TABLE_NAMES.map((t) => [t, TABLES[t].readAction]))).toEqual({
      organisations: "read",
      presences: "read",
      events: "read",
      assessments: "read",
      audit: "readAudit",
    });
  });

  it("say what a row is called and where it leads", () => {
    const presence = { id: 7, organisationId: 3, organisationName: "ICRC", countryName: "Niger" };
    expect(TABLES.presences.rowHref(presence as never, "?asOf=2025-01-15")).toBe("/organisations/3?asOf=2025-01-15");
    expect(TABLES.presences.rowLabel(presence as never, "en", "Niger")).toBe("ICRC in Niger");
    expect(TABLES.presences.rowLabel(presence as never, "fr", "Niger")).toBe("ICRC (Niger)");
    expect(TABLES.presences.rowEdit?.href(presence as never)).toBe("/presences/7/change-status");
    expect(TABLES.events.rowEdit).toBeUndefined();
    expect(TABLES.audit.rowHref({} as never, "")).toBeNull();
    const assessment = { id: 12, from: "2025-02-01", to: "2025-02-28", area: { code: "NE-6", name: "Tillabéri" } };
    expect(TABLES.assessments.rowHref(assessment as never, "?asOf=2025-03-01")).toBe("/assessments/12?asOf=2025-03-01");
    expect(TABLES.assessments.rowLabel(assessment as never, "en", "Niger")).toBe("Assessment: Tillabéri, Niger, 2025-02-01 – 2025-02-28");
  });

  it("leave out what a country or organisation page would repeat", () => {
    const onOrganisation = hiddenWhenFixed("presences", ["organisation"]);
    expect([...onOrganisation.columns].sort()).toEqual(["acronym", "iatiId", "organisation", "type"]);
    expect([...onOrganisation.filters].sort()).toEqual(["country", "organisation", "type"]);
    const onCountry = hiddenWhenFixed("presences", ["country"]);
    expect([...onCountry.columns]).toEqual(["country"]);
    expect([...onCountry.filters].sort()).toEqual(["country", "region"]);
    expect([...hiddenWhenFixed("events", ["country"]).columns]).toEqual([]);
  });

  it("name a presence without placing an organisation twice", () => {
    expect(presenceName("ICRC", "Niger")).toBe("ICRC in Niger");
    expect(presenceName("Embassy of France in Niger", "Niger")).toBe("Embassy of France in Niger");
    expect(presenceName("UN Mission in Mali", "Mali")).toBe("UN Mission in Mali");
    expect(presenceName("Friends of Mali", "Mali")).toBe("Friends of Mali in Mali");
  });

  it("count a table's rows in the right number", () => {
    expect(`1–1 of 1 ${counted(1, "countries")}`).toBe("1–1 of 1 country");
    expect(counted(2, "countries")).toBe("countries");
    expect(counted(1, "entries")).toBe("entry");
    expect(counted(0, "events")).toBe("events");
  });
});
