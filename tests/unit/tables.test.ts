import { describe, expect, it } from "vitest";
import { csvField, csvLines } from "@/lib/export/csv";
import { jsonArray } from "@/lib/export/json";
import { defaultVisibleColumns, selectColumns, sortableColumns, TABLE_COLUMNS, TABLE_NAMES } from "@/lib/domain/tables/columns";
import { decodeCursor, encodeCursor } from "@/lib/domain/tables/cursor";
import { exportFileName, neutraliseFormula } from "@/lib/domain/tables/export-files";
import { parseTableQuery, parseTableQueryStrict, tableQueryString } from "@/lib/domain/tables/query";

const now = new Date("2026-11-23T10:00:00Z");

describe("formula neutralisation", () => {
  it("prefixes a quote to text starting with = + - @ tab CR or NUL, and leaves other text alone", () => {
    for (const text of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\0x"]) expect(neutraliseFormula(text)).toBe(`'${text}`);
    for (const text of ["ICRC", " =1", "1-2", "", "'quoted"]) expect(neutraliseFormula(text)).toBe(text);
  });

  it("applies to CSV text cells but not to numbers or dates", () => {
    expect(csvField("=cmd|' /C calc'!A0", "text")).toBe(`'=cmd|' /C calc'!A0`);
    expect(csvField(-5, "number")).toBe("-5");
    expect(csvField("2025-01-31", "date")).toBe("2025-01-31");
    expect(csvField(null, "text")).toBe("");
  });
});

describe("CSV and JSON writers", () => {
  const columns = [
    { id: "name", label: "Name", hxl: "#org+name", kind: "text" as const, value: (r: { name: string; n: number | null }) => r.name, width: 10 },
    { id: "n", label: "People", hxl: "#affected+ind", kind: "number" as const, value: (r: { name: string; n: number | null }) => r.n, width: 10 },
  ];
  async function* batches() {
    yield [{ name: 'Say "hi", then\r\nleave', n: 3 }];
    yield [{ name: "Médecins", n: null }];
  }
  const collect = async (chunks: AsyncIterable<string>) => {
    let text = "";
    for await (const chunk of chunks) text += chunk;
    return text;
  };

  it("writes RFC 4180: CRLF, quoted fields with doubled quotes, HXL tags on the second row", async () => {
    expect(await collect(csvLines(columns, batches()))).toBe('Name,People\r\n"Say ""hi"", then\r\nleave",3\r\nMédecins,\r\n');
    expect((await collect(csvLines(columns, batches(), { hxl: true }))).split("\r\n")[1]).toBe("#org+name,#affected+ind");
  });

  it("writes a JSON array with stable keys, also when empty", async () => {
    expect(JSON.parse(await collect(jsonArray(columns, batches())))).toEqual([
      { name: 'Say "hi", then\r\nleave', n: 3 },
      { name: "Médecins", n: null },
    ]);
    expect(JSON.parse(await collect(jsonArray(columns, (async function* () {})())))).toEqual([]);
  });
});

describe("table columns", () => {
  it("gives every column a label and an HXL hashtag, with unique ids", () => {
    for (const table of TABLE_NAMES) {
      const ids = TABLE_COLUMNS[table].map((c) => c.id);
      expect(new Set(ids).size, table).toBe(ids.length);
      for (const column of TABLE_COLUMNS[table]) expect(column.hxl, `${table}.${column.id}`).toMatch(/^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/);
      expect(defaultVisibleColumns(table).length, table).toBeGreaterThan(0);
    }
  });

  it("carries the HXL tags analysts expect for presences and events", () => {
    const tags = new Set([...TABLE_COLUMNS.presences, ...TABLE_COLUMNS.events].map((c) => c.hxl));
    for (const tag of [
      "#org+name",
      "#org+type",
      "#org+code",
      "#country+name",
      "#country+code",
      "#status",
      "#date+occurred",
      "#affected+ind",
      "#meta+source",
      "#meta+url",
      "#description",
      "#adm1+code",
      "#adm1+name",
      "#access+category",
    ]) {
      expect(tags.has(tag), tag).toBe(true);
    }
  });

  it("selects columns in table order, ignoring unknown ids, defaulting when none is left", () => {
    expect(selectColumns("presences", ["since", "organisation", "nope"]).map((c) => c.id)).toEqual(["organisation", "since"]);
    expect(selectColumns("presences", ["nope"]).map((c) => c.id)).toEqual(defaultVisibleColumns("presences"));
    expect(selectColumns("presences", null).map((c) => c.id)).toEqual(defaultVisibleColumns("presences"));
  });
});

describe("table queries from URLs", () => {
  it("reads filters, sort, page and columns, and writes back only what differs from the defaults", () => {
    const query = parseTableQuery(
      "presences",
      { country: "ner", status: "EXPELLED", sort: "since", dir: "asc", page: "3", size: "100", cols: "organisation,status", asOf: "2025-06-30" },
      now,
    );
    expect(query).toMatchObject({
      filters: { country: "NER", status: "EXPELLED" },
      sort: { column: "since", direction: "asc" },
      page: 3,
      pageSize: 100,
      columns: ["organisation", "status"],
      asOfExplicit: true,
    });
    expect(tableQueryString(query)).toBe("?asOf=2025-06-30&country=NER&status=EXPELLED&sort=since&dir=asc&size=100&page=3&cols=organisation%2Cstatus");
    expect(tableQueryString(query, { page: undefined })).not.toContain("page=");
    expect(tableQueryString(parseTableQuery("presences", {}, now))).toBe("");
  });

  it("drops bad values in a page URL instead of failing: unknown sort, huge page size, bad dates", () => {
    const query = parseTableQuery("events", { sort: "summary", size: "100000", page: "-1", from: "2025-13-01", status: "GONE", cols: "x" }, now);
    expect(query).toMatchObject({ sort: { column: "occurredOn", direction: "desc" }, pageSize: 50, page: 1, filters: {}, columns: null });
  });

  it("refuses bad values and unknown parameters strictly, naming each", () => {
    const result = parseTableQueryStrict("events", new URLSearchParams("sort=summary&size=500&colour=red&status=EXPELLED"), [], now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.param).sort()).toEqual(["colour", "size", "sort"]);
    const ok = parseTableQueryStrict("events", new URLSearchParams("status=EXPELLED&format=csv"), ["format"], now);
    expect(ok.ok && ok.value.filters).toEqual({ status: "EXPELLED" });
  });

  it("filters the audit log by the closed list of actions and entity types only", () => {
    const ok = parseTableQueryStrict("audit", new URLSearchParams("action=presence.statusChange&entityType=Presence"), [], now);
    expect(ok.ok && ok.value.filters).toEqual({ action: "presence.statusChange", entityType: "Presence" });
    const refused = parseTableQueryStrict("audit", new URLSearchParams("action=presence.delete&entityType=Nothing"), [], now);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.issues.map((i) => i.param).sort()).toEqual(["action", "entityType"]);
    // A page URL drops the unknown value instead.
    expect(parseTableQuery("audit", { action: "presence.delete" }, now).filters).toEqual({});
  });

  it("only sorts by allow-listed columns", () => {
    expect(sortableColumns("events")).not.toContain("summary");
    expect(sortableColumns("presences")).toEqual(["organisation", "type", "country", "status", "since", "peopleAffected"]);
  });
});

describe("export file names and cursors", () => {
  it("says what and when", () => {
    const query = parseTableQuery("presences", { country: "NER", asOf: "2025-06-30" }, now);
    expect(exportFileName(query, "csv")).toBe("presences-NER-as-of-2025-06-30.csv");
    expect(exportFileName(parseTableQuery("events", { status: "EXPELLED", q: "Red Cross!" }, now), "hxl")).toBe(
      "events-expelled-matching-red-cross-as-of-2026-11-23.hxl.csv",
    );
  });

  it("round-trips a cursor for the same sort only", () => {
    const sort = { column: "since", direction: "desc" as const };
    const cursor = encodeCursor(sort, { value: "2025-01-31", id: 42 });
    expect(decodeCursor(sort, cursor)).toEqual({ value: "2025-01-31", id: 42 });
    expect(decodeCursor({ column: "since", direction: "asc" }, cursor)).toBeNull();
    expect(decodeCursor(sort, "garbage")).toBeNull();
  });
});
