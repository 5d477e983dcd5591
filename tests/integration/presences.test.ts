import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getCountry, getOrganisation, listCountryPresences, listPresencesInView } from "@/lib/data/presences";
import { parseView } from "@/lib/domain/view";
import { seedUser } from "../support/factories";
import { UnauthenticatedError } from "@/lib/domain/errors";

describe("listCountryPresences", () => {
  it("refuses an anonymous caller before any query", async () => {
    await expect(listCountryPresences(null, "NER")).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(getCountry(null, "NER")).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(getOrganisation(null, 1)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("lists Niger's organisations, most severe status first, each with its sources", async () => {
    const { actor } = await seedUser(db(), { role: "VIEWER" });
    const rows = await listCountryPresences(actor, "ner");
    expect(rows.map((r) => [r.organisation.acronym ?? r.organisation.name, r.status])).toEqual([
      ["ACTED", "EXPELLED"],
      ["APBE", "EXPELLED"],
      ["Embassy of France in Niger", "EXPELLED"],
      ["French forces", "EXPELLED"],
      ["ICRC", "EXPELLED"],
      ["US forces", "EXPELLED"],
      ["Russian forces", "OPERATING"],
    ]);
    for (const row of rows) expect(row.sources.length, row.organisation.name).toBeGreaterThan(0);
  });

  it("shows the sources of the events behind the current status, with their claims", async () => {
    const { actor } = await seedUser(db());
    const icrc = (await listCountryPresences(actor, "NER")).find((r) => r.organisation.acronym === "ICRC")!;
    expect(icrc.disputed).toBe(false); // the 1990/2007 dispute concerns the arrival, not the expulsion
    const publishers = icrc.sources.map((s) => s.publisher);
    expect(publishers).toContain("Journal du Mali (reporting an ICRC statement)");
    expect(publishers).toContain("Associated Press");
    expect(publishers).not.toContain("TASS");
    const acted = (await listCountryPresences(actor, "NER")).find((r) => r.organisation.acronym === "ACTED")!;
    expect(acted.disputed).toBe(true);
    expect(acted.sources.some((s) => s.claim === "Banned in November 2023.")).toBe(true);
  });

  it("answers an empty list for a country with no presence", async () => {
    const { actor } = await seedUser(db());
    expect(await listCountryPresences(actor, "ISL")).toEqual([]);
    expect((await getCountry(actor, "isl"))?.nameEn).toBe("Iceland");
    expect(await getCountry(actor, "XXX")).toBeNull();
    expect(await getCountry(actor, "NER'; --")).toBeNull();
    expect(await getOrganisation(actor, -1)).toBeNull();
  });
});

describe("listPresencesInView (the overview's list)", () => {
  it("gives, from SQL, what the domain rule gives from the events: statuses, disputes and every source with its quote", async () => {
    const { actor } = await seedUser(db(), { role: "VIEWER" });
    const byId = <T extends { presenceId: number }>(rows: T[]) => [...rows].sort((a, b) => a.presenceId - b.presenceId);
    for (const asOf of [undefined, "2024-01-15", "2025-01-15", "2025-02-10", "2025-06-30"]) {
      const view = parseView({ country: "NER", ...(asOf ? { asOf } : {}) });
      const listed = await listPresencesInView(actor, view, 25);
      const expected = await listCountryPresences(actor, "NER", view.asOf);
      expect(listed.total, String(asOf)).toBe(expected.length);
      expect(byId(listed.rows), String(asOf)).toEqual(byId(expected));
    }
    // Most severe first; quotes reach the list (the seed quotes its articles verbatim).
    const today = await listPresencesInView(actor, parseView({ country: "NER" }), 25);
    expect(today.rows.at(-1)?.status).toBe("OPERATING");
    expect(today.rows.some((r) => r.sources.some((s) => s.quote && s.quote.length > 20))).toBe(true);
  });
});
