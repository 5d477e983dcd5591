// Article triage: draft events proposed from an article's text, offline and deterministically.
// Sentences come from Intl.Segmenter; organisations are found by name, acronym or alias (case
// and accents aside, whole words); the kind and status from phrases in English and French
// (TRIAGE_PHRASES); the date by chrono-node relative to the publication date, with its
// precision; the sentence is the quote. Nothing is invented: a sentence without a date gets
// none, a weekday or a year-less date needs the publication date, and every proposal is a
// draft an analyst accepts, edits or rejects.
import * as chrono from "chrono-node";
import { foldForSearch } from "./search-text";
import { isoDate } from "./partial-date";
import type { DatePrecision, EventKind, Status } from "./vocabulary";

export interface TriageOrganisation {
  id: number;
  /** Name, acronym and aliases: every word that names it. */
  names: string[];
}

export interface TriageCountry {
  iso3: string;
  names: string[];
}

export interface TriageInput {
  text: string;
  /** YYYY-MM-DD; without it, dates relative to the publication (a weekday, "last month", a day without its year) are left empty. */
  publishedOn?: string | null;
}

export type DateBasis = "stated" | "relative" | "none";

export interface Proposal {
  organisationId: number | null;
  countryIso3: string | null;
  kind: EventKind;
  status: Status | null;
  occurredOn: string | null;
  datePrecision: DatePrecision | null;
  /** How the date was found: stated in full, worked out from the publication date, or none. */
  dateBasis: DateBasis;
  /** The event's confidence: what one article reports is "reported" until confirmed. */
  confidence: "REPORTED";
  /** 0–1: how much of the proposal the sentence itself gives (organisation, phrase, date). */
  score: number;
  quote: string;
  /** Which phrase and names were found, for the analyst. */
  reasons: string[];
}

interface Phrase {
  kind: EventKind;
  status: Status | null;
  pattern: RegExp;
}

// Most specific first: the first phrase that matches a sentence gives its kind. Patterns are
// matched against the folded sentence (lower case, no accents).
export const TRIAGE_PHRASES: Phrase[] = [
  {
    kind: "LICENCE_REVOKED",
    status: "EXPELLED",
    pattern:
      /\b(licen[cs]es? (?:of (?:\S+ ){1,5})?(?:was |were |has been |have been )?(?:withdrawn|revoked|suspended)|withdr[ae]w(?:ing)? (?:their|its|the) licen[cs]es?|revok(?:ed|ing) (?:the |its |their )?licen[cs]es?|retrait d'agrement|agrements? retires?|retire (?:l'|son |leur )agrement)\b/,
  },
  { kind: "LICENCE_REVOKED", status: "EXPELLED", pattern: /\b(bann?(?:ed|ing)|bans? on)\b/ },
  {
    kind: "AGREEMENT_TERMINATED",
    status: "EXPELLED",
    pattern:
      /\b(terminat(?:ed|ing) (?:\S+ ){0,3}agreements?|ended (?:\S+ ){0,3}cooperation|ends cooperation|pact (?:was )?revoked|revoked (?:\S+ ){0,3}(?:pact|agreement)|denonce (?:l'|les )?accords?|fin de la cooperation)\b/,
  },
  {
    kind: "ORDER_TO_LEAVE",
    status: "EXPELLED",
    pattern:
      /\b(ordered (?:\S+ ){0,12}to (?:immediately )?leave|forced to leave|ordonne (?:\S+ ){0,6}de quitter|somme (?:\S+ ){0,6}de quitter|directive (?:\S+ ){0,12}to leave)\b/,
  },
  {
    kind: "WITHDRAWAL_COMPLETED",
    status: "EXPELLED",
    pattern: /\b(withdrawn all|has withdrawn|have withdrawn|completed (?:\S+ ){0,3}withdrawal|a quitte le pays|ont quitte le pays)\b/,
  },
  {
    kind: "OFFICE_CLOSED",
    status: "EXPELLED",
    pattern: /\b(closed (?:\S+ ){0,2}offices?|closure of (?:\S+ ){0,3}offices?|will close|ferme (?:\S+ ){0,2}bureaux?|fermeture (?:\S+ ){0,3}bureaux?)\b/,
  },
  { kind: "ORDER_TO_LEAVE", status: "EXPELLED", pattern: /\b(expell?(?:ed|ing)|expulsion|expulse[es]*)\b/ },
  {
    kind: "OPERATIONS_SUSPENDED",
    status: "RESTRICTED",
    pattern:
      /\b(suspend(?:ed|s)? (?:\S+ ){0,3}(?:operations|activities)|(?:operations|activities) (?:\S+ ){0,4}(?:were |was |have been |has been )suspended|halt (?:\S+ ){0,2}operations|suspension des activites|suspendu (?:\S+ ){0,3}activites)\b/,
  },
  {
    kind: "RESTRICTION_IMPOSED",
    status: "RESTRICTED",
    pattern: /\b(restrictions? (?:on|imposed)|supervision measures|under supervision|restreint|mesures de surveillance)\b/,
  },
  {
    kind: "ARRIVAL",
    status: "OPERATING",
    pattern:
      /\b(has been operating (?:in \S+ )?since|operating in (?:\S+ ){0,2}since|arrived in|taken up positions|present (?:in \S+ )?since|presente? (?:au|en) \S+ depuis)\b/,
  },
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A folded word list as one whole-word pattern (names with punctuation, like "U.S. troops", match too). */
function wordsPattern(words: string[]): RegExp | null {
  const folded = [...new Set(words.map((w) => foldForSearch(w.trim())).filter((w) => w.length >= 2))].sort((a, b) => b.length - a.length);
  if (!folded.length) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${folded.map(escape).join("|")})(?![\\p{L}\\p{N}])`, "u");
}

/** French or English, by the share of common words: chrono's parser for that language. */
export function articleLanguage(text: string): "fr" | "en" {
  const words = foldForSearch(text).match(/\p{L}+/gu) ?? [];
  const fr = words.filter((w) => ["le", "la", "les", "des", "une", "est", "et", "du", "pour", "dans"].includes(w)).length;
  const en = words.filter((w) => ["the", "and", "of", "to", "in", "is", "was", "for", "with", "has"].includes(w)).length;
  return fr > en ? "fr" : "en";
}

export function sentences(text: string, language: "fr" | "en"): string[] {
  const segmenter = new Intl.Segmenter(language, { granularity: "sentence" });
  return text
    .split(/\n{2,}|\r\n\r\n/)
    .flatMap((paragraph) => [...segmenter.segment(paragraph.replace(/\s*\n\s*/g, " "))].map((s) => s.segment.trim()))
    .filter((s) => s.length > 0);
}

const DAY = 86_400_000;

/**
 * The sentence's date, or none. A weekday alone is the latest such day on or before the
 * publication; a day or month without its year, after the publication, is the year before.
 * A date after the publication (a plan: "to be completed by 15 September") is no event date.
 */
export function sentenceDate(
  sentence: string,
  language: "fr" | "en",
  publishedOn: string | null | undefined,
  /** Where in the sentence the event's phrase is: of several dates, the nearest is the event's. */
  near = 0,
): { occurredOn: string; precision: DatePrecision; basis: DateBasis } | null {
  const reference = publishedOn ? new Date(`${publishedOn}T12:00:00Z`) : null;
  const parser = language === "fr" ? chrono.fr : chrono.en;
  const results = parser
    .parse(sentence, { instant: reference ?? new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 }, { forwardDate: false })
    .sort((a, b) => Math.abs(a.index - near) - Math.abs(b.index - near));
  for (const result of results) {
    const start = result.start;
    // A year written in the sentence (chrono marks a year "certain" for "last week" too).
    const yearStated = /\b(1[89]|20)\d{2}\b/.test(result.text);
    if (!reference && !yearStated) continue; // needs the publication date to resolve
    if (start.isCertain("hour") && !start.isCertain("day") && !start.isCertain("weekday")) continue; // a time of day alone
    let date = start.date();
    let precision: DatePrecision;
    let basis: DateBasis =
      yearStated && !/\b(last|next|ago|after|before|dernier|derniere|passe|prochain|apres|avant)\b/i.test(result.text) ? "stated" : "relative";
    if (start.isCertain("day")) precision = "DAY";
    else if (start.isCertain("weekday")) {
      precision = "DAY";
      basis = "relative";
      const weekday = start.get("weekday")!;
      const back = (reference!.getUTCDay() - weekday + 7) % 7;
      date = new Date(reference!.getTime() - back * DAY);
    } else if (start.isCertain("month")) precision = "MONTH";
    else if (yearStated) precision = "YEAR";
    else continue;
    if (reference && !yearStated && date.getTime() > reference.getTime())
      date = new Date(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate()));
    if (reference && date.getTime() > reference.getTime() + DAY) continue;
    const iso = isoDate(date);
    return { occurredOn: precision === "DAY" ? iso : precision === "MONTH" ? `${iso.slice(0, 7)}-01` : `${iso.slice(0, 4)}-01-01`, precision, basis };
  }
  // A year on its own ("since 1990", "en 2012"), which chrono leaves aside.
  const year = sentence.match(/\b(?:in|since|from|en|depuis|signed in|signe en)\s+((?:1[89]|20)\d{2})\b(?![-/.]\d)/i)?.[1];
  if (year && (!reference || Number(year) <= reference.getUTCFullYear())) return { occurredOn: `${year}-01-01`, precision: "YEAR", basis: "stated" };
  return null;
}

/**
 * Proposals for an article. Each sentence with a phrase of TRIAGE_PHRASES gives one proposal per
 * organisation it names (or, naming none, the organisation of the sentence before it when that
 * one named exactly one, marked so; else one for the country as a whole).
 */
export function proposeEvents(input: TriageInput, organisations: TriageOrganisation[], countries: TriageCountry[]): Proposal[] {
  const language = articleLanguage(input.text);
  const organisationPatterns = organisations.flatMap((o) => {
    const pattern = wordsPattern(o.names);
    return pattern ? [{ id: o.id, pattern }] : [];
  });
  const countryPatterns = countries.flatMap((c) => {
    const pattern = wordsPattern(c.names);
    return pattern ? [{ iso3: c.iso3, pattern }] : [];
  });
  const folded = foldForSearch(input.text);
  // The article's country: the one it names most often.
  const mentions = countryPatterns
    .map((c) => ({ iso3: c.iso3, count: (folded.match(new RegExp(c.pattern.source, "gu")) ?? []).length }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count);
  const mainCountry = mentions[0]?.iso3 ?? null;

  const proposals: Proposal[] = [];
  const seen = new Set<string>();
  let previous: number[] = [];
  const read = new Set<string>();
  for (const sentence of sentences(input.text, language)) {
    const text = foldForSearch(sentence);
    if (read.has(text)) continue; // a headline repeated as the first line
    read.add(text);
    const named = organisationPatterns.filter((o) => o.pattern.test(text)).map((o) => o.id);
    const phrase = TRIAGE_PHRASES.find((p) => p.pattern.test(text));
    const fromBefore = !named.length && previous.length === 1;
    const who = named.length ? named : fromBefore ? previous : [];
    if (named.length) previous = named;
    if (!phrase) continue;
    const inSentence = countryPatterns.filter((c) => c.pattern.test(text)).map((c) => c.iso3);
    const country = mainCountry && (inSentence.includes(mainCountry) || !inSentence.length) ? mainCountry : (inSentence[0] ?? mainCountry);
    const found = text.match(phrase.pattern);
    const phraseText = found?.[0] ?? "";
    // The folded text keeps the sentence's length (accents are dropped, not letters), so the index holds.
    const date = sentenceDate(sentence, language, input.publishedOn, found?.index ?? 0);
    for (const organisationId of who.length ? who : [null]) {
      const status = organisationId === null ? null : phrase.status;
      const key = `${organisationId}|${phrase.kind}|${date?.occurredOn ?? ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const score =
        (organisationId !== null && !fromBefore ? 0.4 : organisationId !== null ? 0.2 : 0) + 0.3 + (date ? (date.basis === "stated" ? 0.3 : 0.2) : 0);
      proposals.push({
        organisationId,
        countryIso3: country,
        kind: phrase.kind,
        status,
        occurredOn: date?.occurredOn ?? null,
        datePrecision: date?.precision ?? null,
        dateBasis: date?.basis ?? "none",
        confidence: "REPORTED",
        score: Math.round(score * 100) / 100,
        quote: sentence,
        reasons: [
          `phrase “${phraseText}”`,
          organisationId === null
            ? "no organisation named: the whole country"
            : fromBefore
              ? "organisation named in the sentence before"
              : "organisation named in the sentence",
          date ? `date “${date.occurredOn}” (${date.basis === "stated" ? "stated" : "worked out from the publication date"})` : "no date in the sentence",
        ],
      });
    }
  }
  return proposals;
}
