// The shipped first-level areas: ISO 3166-2 codes under the right country, looked up by code,
// checked for a country, and drawn only where a boundary ships for the same code.
import { readFileSync } from "node:fs";
import path from "node:path";
import countries from "i18n-iso-countries";
import { describe, expect, it } from "vitest";
import { ALL_AREAS, AREA_CODE, areaByCode, areaCodesProblem, areasOf } from "@/lib/domain/areas";

describe("first-level areas", () => {
  it("are ISO 3166-2 codes, each once, under their own country's alpha-2", () => {
    expect(ALL_AREAS.length).toBeGreaterThan(3000);
    expect(new Set(ALL_AREAS.map((a) => a.code)).size).toBe(ALL_AREAS.length);
    for (const area of ALL_AREAS) {
      expect(area.code).toMatch(AREA_CODE);
      expect(countries.alpha3ToAlpha2(area.iso3)).toBe(area.code.slice(0, 2));
    }
  });

  it("are Niger's eight regions, and Burkina Faso's thirteen regions rather than its provinces", () => {
    expect(areasOf("ner").map((a) => a.code)).toEqual(["NE-1", "NE-2", "NE-3", "NE-4", "NE-8", "NE-5", "NE-6", "NE-7"]);
    expect(areasOf("BFA")).toHaveLength(13);
    expect(areaByCode("bf-12")?.name).toBe("Sahel");
  });

  it("are found by code, whatever the case", () => {
    expect(areaByCode(" ne-6 ")).toEqual({ code: "NE-6", iso3: "NER", name: "Tillabéri", hasBoundary: true });
    expect(areaByCode("NE-9")).toBeUndefined();
  });

  it("name the area ISO and CLDR name, not a shifted Natural Earth label", () => {
    // Natural Earth gives SD-DE to Central Darfur; ISO 3166-2 says SD-DE is East Darfur, SD-DC Central.
    expect(areaByCode("SD-DE")?.name).toBe("East Darfur");
    expect(areaByCode("SD-DC")?.name).toBe("Central Darfur");
  });

  it("refuse codes that are not the country's first-level areas", () => {
    expect(areaCodesProblem("NER", ["NE-6", "ne-2"])).toBeNull();
    expect(areaCodesProblem("NER", ["ML-6"])).toBe("ML-6 (Tombouctou) is not in this country");
    expect(areaCodesProblem("NER", ["NE-6", "NE-6"])).toBe("NE-6 is listed twice");
    expect(areaCodesProblem("BFA", ["BF-BAM"])).toBe("BF-BAM is not an ISO 3166-2 first-level area code (e.g. NE-6 for Tillabéri)");
  });

  it("have a boundary exactly when the boundaries file holds one under the same code", () => {
    const file = path.join(import.meta.dirname, "../../lib/map/areas/boundaries.json");
    const topology = JSON.parse(readFileSync(file, "utf8")) as { objects: { areas: { geometries: { id: string }[] } } };
    const drawn = new Set(topology.objects.areas.geometries.map((g) => g.id));
    expect(new Set(ALL_AREAS.filter((a) => a.hasBoundary).map((a) => a.code))).toEqual(drawn);
  });
});
