// The shared SQL fragments: severity from the one STATUS_SEVERITY, counts for every status.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { eventFilterConditions, publishedEvent, STATUS_COUNTS, statusEvent, statusSeverity } from "@/lib/data/sql-fragments";

const oneLine = (sql: Prisma.Sql) => sql.text.replace(/\s+/g, " ").trim();

describe("shared SQL fragments", () => {
  it("rank statuses least to most severe, no status lowest", () => {
    expect(oneLine(statusSeverity(Prisma.sql`e."resultingStatus"`))).toBe(
      `CASE e."resultingStatus" WHEN 'OPERATING' THEN 1 WHEN 'RESTRICTED' THEN 2 WHEN 'EXPELLED' THEN 3 ELSE 0 END`,
    );
  });

  it("count every status", () => {
    expect(oneLine(Prisma.sql`${STATUS_COUNTS}`)).toBe(
      "(count(*) FILTER (WHERE s.status = 'OPERATING'))::int AS operating, (count(*) FILTER (WHERE s.status = 'RESTRICTED'))::int AS restricted, (count(*) FILTER (WHERE s.status = 'EXPELLED'))::int AS expelled",
    );
  });

  it("count published events only, and status events only when they set a status", () => {
    expect(oneLine(publishedEvent("re"))).toBe(`re."reviewState" = 'PUBLISHED'`);
    expect(oneLine(statusEvent("e"))).toBe(`e."reviewState" = 'PUBLISHED' AND e."resultingStatus" IS NOT NULL`);
  });

  it("filter events with days as ISO text and the country on the event's own column", () => {
    const sql = Prisma.join(eventFilterConditions({ asOf: new Date("2025-02-10T00:00:00Z"), from: new Date("2025-01-01T00:00:00Z"), country: "NER" }), " AND ");
    expect(sql.values).toEqual(["2025-02-10", "2025-01-01", "NER"]);
    expect(oneLine(sql)).toContain(`e."countryIso3" = $3`);
  });
});
