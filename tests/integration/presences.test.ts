// A country's presences as users see them: the country page's table (the presences table
// with the country fixed) and the overview's list of the most severe, each checked against
// the domain rule applied to the events (tests/support/presence-oracle.ts).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getCountry } from "@/lib/data/countries";
import { getOrganisation } from "@/lib/data/organisations";
import { listPresencesInView } from "@/lib/data/presences";
import { listTablePage } from "@/lib/data/tables";
import { parseTableQuery } from "@/lib/domain/tables/query";
import { parseView } from "@/lib/domain/view";
import { UnauthenticatedError } from "@/lib/domain/errors";
import { seedUser } from "../support/factories";
import { expectedCountryPresences } from "../support/presence-oracle";

const countryTable = (actor: Parameters<typeof listTablePage>[0], iso3: string, asOf?: string) =>
  listTablePage(actor, parseTableQuery("presences", { country: iso3, ...(asOf ? { asOf } : {}) }));

describe("a country page's presences", () => {
  it("refuses an anonymous caller before any query", async () => {
    await expect(countryTable(null, "NER")).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(getCountry(null, "NER")).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(getOrganisation(null, 1)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("lists Niger's organisations, most severe status first, each with its sources", async () => {
    const { actor } = await seedUser(db(), { role: "VIEWER" });
    const page = await countryTable(actor, "NER");
    // Most severe first (within a status, in the table's tie-break order).
    expect(page.rows.map((r) => r.status)).toEqual(["EXPELLED", "EXPELLED", "EXPELLED", "EXPELLED", "EXPELLED", "EXPELLED", "OPERATING"]);
    expect(page.rows.map((r) => [r.organisationAcronym ?? r.organisationName, r.status]).sort()).toEqual([
      ["ACTED", "EXPELLED"],
      ["APBE", "EXPELLED"],
      ["Embassy of France in Niger", "EXPELLED"],
      ["French forces", "EXPELLED"],
      ["ICRC", "EXPELLED"],
      ["Russian forces", "OPERATING"],
      ["US forces", "EXPELLED"],
    ]);
    for (const row of page.rows) expect(row.sources.length, row.organisationName).toBeGreaterThan(0);
  });

  it("shows the ICRC operating on 15 January 2025 and expelled since 31 January on 10 February", async () => {
    const { actor } = await seedUser(db(), { role: "VIEWER" });
    const icrcOn = async (asOf: string) => (await countryTable(actor, "NER", asOf)).rows.find((r) => r.organisationAcronym === "ICRC");
    expect(await icrcOn("2025-01-15")).toMatchObject({ status: "OPERATING", sincePrecision: "YEAR" });
    expect(await icrcOn("2025-02-10")).toMatchObject({ status: "EXPELLED", since: "2025-01-31", sincePrecision: "DAY" });
  });

  it("answers an empty table for a country with no presence, and no country for a bad code", async () => {
    const { actor } = await seedUser(db());
    expect((await countryTable(actor, "ISL")).rows).toEqual([]);
    expect((await getCountry(actor, "isl"))?.nameEn).toBe("Iceland");
    expect(await getCountry(actor, "XXX")).toBeNull();
    expect(await getCountry(actor, "NER'; --")).toBeNull();
    expect(await getOrganisation(actor, -1)).toBeNull();
  });
});

describe("listPresencesInView (the overview's list, and a country's)", () => {
  it("shows the sources of the events behind the current status, with their claims", async () => {
    const { actor } = await seedUser(db());
    const { rows } = await listPresencesInView(actor, { ...parseView({}), country: "NER" }, 25);
    const icrc = rows.find((r) => r.organisation.acronym === "ICRC")!;
    expect(icrc.disputed).toBe(false); // the 1990/2007 dispute concerns the arrival, not the expulsion
    const publishers = icrc.sources.map((s) => s.publisher);
    expect(publishers).toContain("Journal du Mali (reporting an ICRC statement)");
    expect(publishers).toContain("Associated Press");
    expect(publishers).not.toContain("TASS");
    const acted = rows.find((r) => r.organisation.acronym === "ACTED")!;
    expect(acted.disputed).toBe(true);
    expect(acted.sources.some((s) => s.claim === "Banned in November 2023.")).toBe(true);
  });

  it("gives, from SQL, what the domain rule gives from the events: statuses, disputes and every source with its quote", async () => {
    const { actor } = await seedUser(db(), { role: "VIEWER" });
    const byId = <T extends { presenceId: number }>(rows: T[]) => [...rows].sort((a, b) => a.presenceId - b.presenceId);
    for (const asOf of [undefined, "2024-01-15", "2025-01-15", "2025-02-10", "2025-06-30"]) {
      // The country is set by a country page, never read from the URL.
      const view = { ...parseView(asOf ? { asOf } : {}), country: "NER" };
      const listed = await listPresencesInView(actor, view, 25);
      const expected = await expectedCountryPresences(db(), "NER", view.asOf);
      expect(listed.total, String(asOf)).toBe(expected.length);
      expect(byId(listed.rows), String(asOf)).toEqual(byId(expected));
    }
    // Most severe first; quotes reach the list (the seed quotes its articles verbatim).
    const today = await listPresencesInView(actor, { ...parseView({}), country: "NER" }, 25);
    expect(today.rows.at(-1)?.status).toBe("OPERATING");
    expect(today.rows.some((r) => r.sources.some((s) => s.quote && s.quote.length > 20))).toBe(true);
  });
});
