// Every exported column's HXL tag follows the HXL dictionary: a core hashtag, then core
// attributes or this app's own (CUSTOM_HXL_ATTRIBUTES, each with its meaning), in HXL's syntax.
import { describe, expect, it } from "vitest";
import { TABLE_COLUMNS, type TableName } from "@/lib/domain/tables/columns";
import { CUSTOM_HXL_ATTRIBUTES } from "@/lib/domain/hxl";
import { HXL_CORE_ATTRIBUTES, HXL_CORE_HASHTAGS } from "../fixtures/hxl-core-schema";

const TAG = /^#([a-z][a-z0-9_]*)((?:\+[a-z][a-z0-9_]*)*)$/;

describe("HXL tags of the exports", () => {
  const columns = (Object.keys(TABLE_COLUMNS) as TableName[]).flatMap((table) => TABLE_COLUMNS[table].map((c) => ({ table, id: c.id, hxl: c.hxl })));

  it("are written in HXL's syntax, one hashtag of the core dictionary each", () => {
    expect(columns.length).toBeGreaterThan(40);
    for (const { table, id, hxl } of columns) {
      const match = TAG.exec(hxl);
      expect(match, `${table}.${id}: ${hxl}`).not.toBeNull();
      expect(HXL_CORE_HASHTAGS, `${table}.${id}: ${hxl}`).toContain(match![1]);
    }
  });

  it("use core attributes, or the app's own, each documented and none shadowing a core one", () => {
    const used = new Set<string>();
    for (const { table, id, hxl } of columns) {
      for (const attribute of TAG.exec(hxl)![2]!.split("+").filter(Boolean)) {
        used.add(attribute);
        expect(HXL_CORE_ATTRIBUTES.includes(attribute) || attribute in CUSTOM_HXL_ATTRIBUTES, `${table}.${id}: +${attribute}`).toBe(true);
      }
    }
    for (const custom of Object.keys(CUSTOM_HXL_ATTRIBUTES)) {
      expect(HXL_CORE_ATTRIBUTES, `+${custom} is a core attribute: drop it from the custom list`).not.toContain(custom);
      expect(used.has(custom), `+${custom} is documented but used by no column`).toBe(true);
    }
  });

  it("are distinct within each table, so that a reader can tell the columns apart by tag", () => {
    for (const table of Object.keys(TABLE_COLUMNS) as TableName[]) {
      const tags = TABLE_COLUMNS[table].map((c) => c.hxl);
      expect(new Set(tags).size, table).toBe(tags.length);
    }
  });
});
