import { describe, expect, it } from "vitest";
import * as prismaEnums from "@/lib/generated/prisma/enums";
import * as vocabulary from "@/lib/domain/vocabulary";
import * as constraints from "@/lib/domain/constraints";

// The domain's closed sets are the single source of truth in TypeScript; the database
// enums must hold exactly the same values, in the same order.
describe("vocabulary matches the database enums", () => {
  const pairs: [readonly string[], Record<string, string>][] = [
    [vocabulary.STATUSES, prismaEnums.Status],
    [vocabulary.DATE_PRECISIONS, prismaEnums.DatePrecision],
    [vocabulary.CONFIDENCES, prismaEnums.Confidence],
    [vocabulary.REVIEW_STATES, prismaEnums.ReviewState],
    [vocabulary.EVENT_KINDS, prismaEnums.EventKind],
    [vocabulary.ORGANISATION_TYPES, prismaEnums.OrganisationType],
    [vocabulary.ROLES, prismaEnums.Role],
    [constraints.CATEGORIES, prismaEnums.ConstraintCategory],
    [constraints.SUBTYPES, prismaEnums.ConstraintSubtype],
  ];
  it.each(pairs)("%j", (domain, database) => {
    expect([...domain]).toEqual(Object.values(database));
  });

  it("has exactly three statuses, ordered by severity", () => {
    expect(vocabulary.STATUSES).toEqual(["OPERATING", "RESTRICTED", "EXPELLED"]);
    const severities = vocabulary.STATUSES.map((s) => vocabulary.STATUS_SEVERITY[s]);
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
  });
});
