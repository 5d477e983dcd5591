import { describe, expect, it } from "vitest";
import { auditChanges, describeChanges } from "@/lib/domain/audit-diff";

describe("audit diffs", () => {
  it("lists only the fields that changed, with before and after", () => {
    expect(auditChanges({ status: "OPERATING", version: 1, name: "Same" }, { status: "RESTRICTED", version: 2, name: "Same", eventId: 9 })).toEqual([
      { field: "status", before: "OPERATING", after: "RESTRICTED" },
      { field: "version", before: "1", after: "2" },
      { field: "eventId", before: "—", after: "9" },
    ]);
    expect(describeChanges({ status: null }, { status: "EXPELLED", sources: [3, 4] })).toBe("status: none → EXPELLED; sources: [3,4]");
  });

  it("handles entries without a before (creations) or with nothing", () => {
    expect(describeChanges(null, { name: "MSF" })).toBe("name: MSF");
    expect(auditChanges(null, null)).toEqual([]);
  });
});
