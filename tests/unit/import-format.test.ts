import { describe, expect, it } from "vitest";
import { detectTable, isHxlTagRow, matchColumns, missingFields, parseSources, unneutralise, vocabularyValue } from "@/lib/domain/import-format";
import { STATUS_LABELS } from "@/lib/domain/vocabulary";

describe("reading an imported file's columns", () => {
  it("tells the table from the headers, and the mapping by header or HXL tag (attributes in any order)", () => {
    expect(detectTable(["Date", "Country", "Organisation", "Event", "Summary", "Confidence"], null)?.table).toBe("events");
    expect(detectTable(["Organisation", "Acronym", "Country", "Status"], null)?.table).toBe("presences");
    expect(detectTable(["Name", "Type", "Website"], null)?.table).toBe("organisations");
    expect(detectTable(["Who", "Where"], null)).toBeNull();
    expect(matchColumns("events", ["A", "B"], ["#date +occurred", "#country+code"])).toEqual({ 0: "occurredOn", 1: "iso3" });
    expect(missingFields("events", { 0: "occurredOn" })).toEqual(["Event", "Summary", "Country or ISO3"]);
  });

  it("recognises an HXL tag row and nothing else as one", () => {
    expect(isHxlTagRow(["#org+name", "", "#date +occurred"])).toBe(true);
    expect(isHxlTagRow(["#org+name", "Acted"])).toBe(false);
    expect(isHxlTagRow(["", ""])).toBe(false);
  });

  it("undoes the export's formula neutralisation only where the export added it", () => {
    expect(unneutralise("'=1+1")).toBe("=1+1");
    expect(unneutralise("'-5 people")).toBe("-5 people");
    expect(unneutralise("'quoted'")).toBe("'quoted'");
  });

  it("takes a vocabulary's code or label in any case, and says when a value is none of them", () => {
    expect(vocabularyValue(STATUS_LABELS, "expelled")).toBe("EXPELLED");
    expect(vocabularyValue(STATUS_LABELS, "Restricted")).toBe("RESTRICTED");
    expect(vocabularyValue(STATUS_LABELS, "gone")).toBeNull();
    expect(vocabularyValue(STATUS_LABELS, " ")).toBeUndefined();
  });

  it("splits an export's sources, pairing URLs in order when there are as many", () => {
    expect(parseSources("AP: Niger revokes licences | Naija News: ICRC ordered out", "https://a.example https://b.example")).toEqual([
      { publisher: "AP", title: "Niger revokes licences", url: "https://a.example" },
      { publisher: "Naija News", title: "ICRC ordered out", url: "https://b.example" },
    ]);
    expect(parseSources("AP: One: with a colon | RFI: Two", "https://only-one.example")).toEqual([
      { publisher: "AP", title: "One: with a colon" },
      { publisher: "RFI", title: "Two" },
    ]);
    expect(parseSources("", "")).toBeNull();
  });
});
