// Triage measured on the seed articles: the proposals for each article against the events
// the seed took from it. An event is found when a proposal names its organisation (or none,
// for an event of the whole country), its kind and its status; the date is compared apart.
// A proposal that matches no seed event of its article counts as wrong. The seed records no
// publication date for its articles, so none is given (relative dates stay empty).
import { readFileSync } from "node:fs";
import path from "node:path";
import { proposeEvents, type Proposal } from "../../lib/domain/triage";
import { SEED_ALIASES, SEED_EVENTS, SEED_ORGANISATIONS } from "../../prisma/seed-data/niger-events";
import { SEED_SOURCES } from "../../prisma/seed-data/niger-sources";
import { allCountries } from "../../prisma/seed-data/countries";
import { parsePartialDate } from "../../lib/domain/partial-date";

export interface ArticleScore {
  file: string;
  seedEvents: number;
  proposals: number;
  found: number;
  dateAgrees: number;
  missed: string[];
  wrong: Proposal[];
}

const organisationIds = new Map(SEED_ORGANISATIONS.map((o, i) => [o.ref, i + 1]));

export function seedTriageLists() {
  const organisations = SEED_ORGANISATIONS.map((o) => ({
    id: organisationIds.get(o.ref)!,
    names: [o.name, ...(o.acronym ? [o.acronym] : []), ...SEED_ALIASES.filter((a) => a.organisation === o.ref).map((a) => a.name)],
  }));
  const countries = allCountries().map((c) => ({ iso3: c.iso3, names: [c.nameEn, c.nameFr] }));
  return { organisations, countries };
}

export function evaluateSeedArticles(): ArticleScore[] {
  const { organisations, countries } = seedTriageLists();
  return SEED_SOURCES.filter((s) => s.articleFile).map((source) => {
    const text = readFileSync(path.resolve(import.meta.dirname, "../../prisma/seed-data/articles", source.articleFile!), "utf8");
    const proposals = proposeEvents({ text, publishedOn: null }, organisations, countries);
    const events = SEED_EVENTS.filter((e) => e.sources.some((c) => c.source === source.ref));
    const used = new Set<Proposal>();
    let found = 0;
    let dateAgrees = 0;
    const missed: string[] = [];
    for (const event of events) {
      const organisationId = event.organisation ? organisationIds.get(event.organisation)! : null;
      const match = proposals.find((p) => p.organisationId === organisationId && p.kind === event.kind && p.status === event.status);
      if (!match) {
        missed.push(event.ref);
        continue;
      }
      used.add(match);
      found += 1;
      const { date, precision } = parsePartialDate(event.date)!;
      if (match.occurredOn === date.toISOString().slice(0, 10) && match.datePrecision === precision) dateAgrees += 1;
    }
    const wrong = proposals.filter(
      (p) =>
        !used.has(p) &&
        !events.some((e) => (e.organisation ? organisationIds.get(e.organisation)! : null) === p.organisationId && e.kind === p.kind && e.status === p.status),
    );
    return { file: source.articleFile!, seedEvents: events.length, proposals: proposals.length, found, dateAgrees, missed, wrong };
  });
}
