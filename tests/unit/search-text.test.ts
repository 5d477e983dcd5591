import { describe, expect, it } from "vitest";
import { filterOptions } from "@/components/ui/combobox";
import { foldForSearch } from "@/lib/domain/search-text";

const countries = [
  { value: "COD", label: "Congo, Democratic Republic of the", hint: "COD" },
  { value: "COG", label: "Congo", hint: "COG" },
  { value: "CIV", label: "Côte d'Ivoire", hint: "CIV" },
  { value: "MLI", label: "Mali", hint: "MLI" },
  { value: "SOM", label: "Somalia", hint: "SOM" },
];

describe("searching as the analyst types", () => {
  it("folds case and accents", () => {
    expect(foldForSearch("Côte d'Ivoire")).toBe("cote d'ivoire");
    expect(foldForSearch("MÉDECINS")).toBe("medecins");
  });

  it("finds Côte d'Ivoire from 'cote', a code, and names starting with the text first", () => {
    expect(filterOptions(countries, "cote").map((o) => o.value)).toEqual(["CIV"]);
    expect(filterOptions(countries, "civ").map((o) => o.value)).toEqual(["CIV"]);
    expect(filterOptions(countries, "congo").map((o) => o.value)).toEqual(["COD", "COG"]);
    expect(filterOptions(countries, "mali").map((o) => o.value)).toEqual(["MLI", "SOM"]);
    expect(filterOptions(countries, "  ").length).toBe(5);
  });
});
