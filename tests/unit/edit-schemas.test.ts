import { describe, expect, it } from "vitest";
import { eventEditSchema, retractionSchema, wholeNumber } from "@/lib/domain/edit-schemas";

describe("whole numbers in what is sent", () => {
  it("takes numbers and a form's digits, nothing that merely converts to a number", () => {
    const schema = wholeNumber();
    expect(schema.parse(3)).toBe(3);
    expect(schema.parse(" 12 ")).toBe(12);
    for (const value of [true, false, null, "", [], [5], "1e3", "0x10", 1.5, "  "]) {
      expect(schema.safeParse(value).success, JSON.stringify(value)).toBe(false);
    }
  });

  it("refuses a version of `true`, which must not match version 1 (found by the HTTP fuzz test)", () => {
    expect(eventEditSchema.safeParse({ version: true, summary: "A corrected summary here." }).success).toBe(false);
    expect(retractionSchema.safeParse({ version: [1], reason: "Retracted for a reason." }).success).toBe(false);
    expect(eventEditSchema.safeParse({ version: "2", summary: "A corrected summary here." }).success).toBe(true);
  });
});
