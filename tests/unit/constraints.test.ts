import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATEGORIES, CATEGORY, categoriesOf, DEFAULT_CATEGORY, PILLARS, SUBTYPE, SUBTYPES, subtypeProblem } from "@/lib/domain/constraints";
import { EVENT_KINDS } from "@/lib/domain/vocabulary";

describe("the access constraint vocabulary (ACAPS's nine indicators)", () => {
  it("has nine categories under three pillars, as ACAPS groups them", () => {
    expect(CATEGORIES).toHaveLength(9);
    expect(PILLARS.map((p) => categoriesOf(p))).toEqual([
      ["DENIAL_OF_NEEDS", "RESTRICTED_ACCESS_TO_SERVICES"],
      ["IMPEDIMENTS_TO_ENTRY", "MOVEMENT_RESTRICTIONS", "INTERFERENCE", "VIOLENCE_AGAINST_PERSONNEL"],
      ["INSECURITY_HOSTILITIES", "EXPLOSIVE_HAZARDS", "PHYSICAL_CONSTRAINTS"],
    ]);
    for (const c of CATEGORIES) expect(CATEGORY[c].fr.length, c).toBeGreaterThan(5);
  });

  it("puts each subtype under one category, and says when a subtype does not fit", () => {
    for (const s of SUBTYPES) expect(CATEGORIES).toContain(SUBTYPE[s].category);
    expect(subtypeProblem("MOVEMENT_RESTRICTIONS", "ESCORT_REQUIRED")).toBeNull();
    expect(subtypeProblem("INTERFERENCE", null)).toBeNull();
    expect(subtypeProblem("INTERFERENCE", "ESCORT_REQUIRED")).toBe(
      '"Escort required" is a kind of "Movement restrictions within the country", not of "Interference in humanitarian activities": choose that category, or another subtype.',
    );
  });

  it("gives every kind a default, none for an arrival or 'Other', and the migration's backfill agrees", () => {
    expect(DEFAULT_CATEGORY.LICENCE_REVOKED).toBe("IMPEDIMENTS_TO_ENTRY");
    expect(DEFAULT_CATEGORY.OPERATIONS_SUSPENDED).toBe("INTERFERENCE");
    expect(DEFAULT_CATEGORY.ARRIVAL).toBeNull();
    expect(DEFAULT_CATEGORY.OTHER).toBeNull();
    const sql = readFileSync(path.resolve(import.meta.dirname, "../../prisma/migrations/20261202220444_event_constraint_category/migration.sql"), "utf8");
    const backfill = Object.fromEntries([...sql.matchAll(/WHEN '(\w+)' THEN '(\w+)'/g)].map((m) => [m[1], m[2]]));
    expect(Object.fromEntries(EVENT_KINDS.map((k) => [k, DEFAULT_CATEGORY[k]]).filter(([, c]) => c !== null))).toEqual(backfill);
  });
});
