import { describe, expect, it } from "vitest";
import { statusChangeSchema } from "@/lib/domain/edit-schemas";
import { kindMayLeadTo, kindsLeadingTo, kindStatusProblem } from "@/lib/domain/kind-status";
import { SEED_EVENTS } from "@/prisma/seed-data/niger-events";

describe("which event kinds may lead to which statuses", () => {
  it("refuses an arrival that leads to expelled, and says what an arrival may lead to", () => {
    expect(kindMayLeadTo("ARRIVAL", "EXPELLED")).toBe(false);
    expect(kindStatusProblem("ARRIVAL", "EXPELLED")).toBe(
      "Arrival cannot lead to expelled: it may lead to operating or restricted, or to no change of status.",
    );
  });

  it("refuses an exit that leads to operating, and a restriction that leads to expelled", () => {
    expect(kindMayLeadTo("ORDER_TO_LEAVE", "OPERATING")).toBe(false);
    expect(kindMayLeadTo("WITHDRAWAL_COMPLETED", "RESTRICTED")).toBe(false);
    expect(kindMayLeadTo("RESTRICTION_IMPOSED", "EXPELLED")).toBe(false);
  });

  it("lets every kind lead to no status, and 'Other' to any", () => {
    expect(kindMayLeadTo("ARRIVAL", null)).toBe(true);
    expect(kindMayLeadTo("OTHER", "EXPELLED")).toBe(true);
    expect(kindMayLeadTo("OTHER", "OPERATING")).toBe(true);
  });

  it("offers the status form the kinds that fit the status chosen", () => {
    expect(kindsLeadingTo("OPERATING")).toEqual(["RESTRICTION_LIFTED", "READMITTED", "ARRIVAL", "OTHER"]);
    expect(kindsLeadingTo("EXPELLED")).toEqual(["ORDER_TO_LEAVE", "LICENCE_REVOKED", "AGREEMENT_TERMINATED", "OFFICE_CLOSED", "WITHDRAWAL_COMPLETED", "OTHER"]);
  });

  it("holds for every seeded Niger event", () => {
    for (const event of SEED_EVENTS) expect(kindMayLeadTo(event.kind, event.status), event.ref).toBe(true);
  });

  it("is enforced by the status-change schema, on the kind field", () => {
    const result = statusChangeSchema.safeParse({
      status: "EXPELLED",
      kind: "ARRIVAL",
      occurredOn: "2024-01-02",
      datePrecision: "DAY",
      summary: "The mission arrived in the capital",
      confidence: "REPORTED",
      version: 1,
      sources: [{ publisher: "UN News", title: "A report" }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["kind"], message: expect.stringContaining("Arrival cannot lead to expelled") })]);
  });
});
