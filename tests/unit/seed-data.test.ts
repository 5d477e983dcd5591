import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePartialDate } from "@/lib/domain/partial-date";
import { SEED_ALIASES, SEED_EVENTS, SEED_ORGANISATIONS } from "@/prisma/seed-data/niger-events";
import { SEED_SOURCES } from "@/prisma/seed-data/niger-sources";
import { allCountries } from "@/prisma/seed-data/countries";

const sourcesByRef = new Map(SEED_SOURCES.map((s) => [s.ref, s]));
const articleText = (file: string) => readFileSync(path.resolve(import.meta.dirname, "../../prisma/seed-data/articles", file), "utf8");

describe("the Niger seed data", () => {
  it("gives every event at least one known source", () => {
    for (const event of SEED_EVENTS) {
      expect(event.sources.length, event.ref).toBeGreaterThan(0);
      for (const citation of event.sources) expect(sourcesByRef.has(citation.source), `${event.ref} → ${citation.source}`).toBe(true);
    }
  });

  it("quotes the seed articles verbatim", () => {
    let quotes = 0;
    for (const event of SEED_EVENTS) {
      for (const citation of event.sources) {
        const source = sourcesByRef.get(citation.source)!;
        if (!citation.quote) continue;
        expect(source.articleFile, `${event.ref}: only seed articles are quoted`).toBeDefined();
        expect(articleText(source.articleFile!), `${event.ref}: quote not found`).toContain(citation.quote);
        quotes += 1;
      }
    }
    expect(quotes).toBeGreaterThan(15);
  });

  it("takes every alias verbatim from the article it cites, for a seeded organisation", () => {
    const organisations = new Set(SEED_ORGANISATIONS.map((o) => o.ref));
    expect(SEED_ALIASES.length).toBeGreaterThan(0);
    for (const alias of SEED_ALIASES) {
      expect(organisations.has(alias.organisation), alias.name).toBe(true);
      const source = sourcesByRef.get(alias.source);
      expect(source?.articleFile, `${alias.name}: cites a seed article`).toBeDefined();
      expect(articleText(source!.articleFile!), `${alias.name}: not in ${alias.source}`).toContain(alias.name);
    }
  });

  it("uses valid dates whose precision matches the way they are written", () => {
    for (const event of SEED_EVENTS) {
      const parsed = parsePartialDate(event.date);
      expect(parsed, event.ref).not.toBeNull();
    }
    const byRef = new Map(SEED_EVENTS.map((e) => [e.ref, e]));
    expect(parsePartialDate(byRef.get("seed:event:ner-ngo-supervision")!.date)?.precision).toBe("MONTH");
    expect(parsePartialDate(byRef.get("seed:event:ru-arrival")!.date)?.precision).toBe("MONTH");
  });

  it("keeps disagreements visible: disputed events carry claims that differ", () => {
    const disputed = SEED_EVENTS.filter((e) => e.confidence === "DISPUTED");
    expect(disputed.map((e) => e.ref).sort()).toEqual(
      [
        "seed:event:acted-licence-revoked",
        "seed:event:acted-presence-since",
        "seed:event:apbe-licence-revoked",
        "seed:event:icrc-presence-since",
        "seed:event:us-agreement-ended",
      ].sort(),
    );
    for (const event of disputed) {
      const claims = new Set(event.sources.map((s) => s.claim).filter(Boolean));
      expect(claims.size, event.ref).toBeGreaterThanOrEqual(2);
    }
    const bans = SEED_EVENTS.find((e) => e.ref === "seed:event:acted-licence-revoked")!;
    expect(bans.sources.map((s) => s.claim).join(" ")).toMatch(/November 2023/);
    expect(bans.date).toBe("2024-11-12");
  });

  it("refers only to known organisations and unique refs", () => {
    const orgRefs = new Set(SEED_ORGANISATIONS.map((o) => o.ref));
    for (const event of SEED_EVENTS) if (event.organisation) expect(orgRefs.has(event.organisation)).toBe(true);
    const refs = SEED_EVENTS.map((e) => e.ref);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it("ships every ISO 3166 country with names in English and French and a region", () => {
    const countries = allCountries();
    expect(countries.length).toBeGreaterThanOrEqual(249);
    const niger = countries.find((c) => c.iso3 === "NER");
    expect(niger).toMatchObject({ iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" });
    expect(countries.find((c) => c.iso3 === "FRA")?.nameFr).toBe("France");
    expect(countries.every((c) => c.region && c.region !== "Unknown")).toBe(true);
  });
});
