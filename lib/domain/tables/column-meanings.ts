// What each exported column means, for the "About" sheet of the XLSX export: by column id
// (the same id means the same thing in every table), with a table's own wording first.
import type { TableName } from "./columns";
import { CATEGORIES, CATEGORY_LABELS } from "../constraint-codes";

const SHARED: Record<string, string> = {
  organisation: "The organisation's name as recorded here.",
  acronym: "The organisation's acronym, if it has one.",
  type: "Kind of organisation (see the organisation types below).",
  iatiId: "The organisation's IATI organisation identifier, when known.",
  country: "Country name (English).",
  iso3: "ISO 3166-1 alpha-3 country code.",
  region: "Region of the country.",
  status: "Operating, restricted or expelled (see the statuses below).",
  peopleAffected: "People affected, as the sources report it; empty when no source gives a figure.",
  areas: "First-level administrative areas (names); empty means the whole country.",
  areaCodes: "ISO 3166-2 codes of the same areas.",
  sources: 'The sources, as "Publisher: Title", separated by " | ".',
  sourceUrls: "The sources' addresses, separated by spaces.",
};

const OWN: Partial<Record<TableName, Record<string, string>>> = {
  presences: {
    id: "This app's id of the presence (one organisation in one country).",
    since: "First day of the period since which the current status holds.",
    sincePrecision: 'Whether "since" is known to the day, the month or the year.',
    disputed: '"yes" when sources disagree about the status; see the events.',
    areas: "Where in the country the organisation works (first-level areas), when a source says so.",
  },
  events: {
    id: "This app's id of the event.",
    occurredOn: "First day of the period in which the event happened.",
    datePrecision: "Whether the date is known to the day, the month or the year.",
    kind: "What happened (see the event kinds below).",
    category: "Which of ACAPS's nine access indicators the event is about (see below); empty for an event that is no constraint.",
    pillar: "The ACAPS pillar of that indicator.",
    subtype: "A finer kind under the indicator.",
    concerns: "For a country-level constraint: the organisations or types of organisation it concerns; empty means everyone in the country.",
    parentEventId: "For an event written for one organisation by a country-level constraint: that constraint's event id.",
    status: "The status this event leads to; empty when it changes none.",
    confidence: "Confirmed, reported or disputed (see below).",
    peopleAffected: "People affected by this event, as its sources report it.",
    summary: "What happened, in our words, from the sources.",
  },
  assessments: {
    id: "This app's id of the assessment.",
    area: "The first-level area assessed; empty when the assessment covers the whole country.",
    areaCode: "ISO 3166-2 code of that area.",
    from: "First day of the period assessed.",
    to: "Last day of the period assessed.",
    level:
      "The access level stated, 0 (no constraints) to 5 (extreme), on ACAPS's scale: the analyst's override when there is one, else the level by the rule; empty when too many indicators are information gaps.",
    levelLabel: "ACAPS's words for that level.",
    computedLevel:
      "The level this app's documented rule gives from the nine scores (the scores carried to nine over the gaps, each fifth of the 0–27 range a level; see the README). ACAPS's own method is not public.",
    overrideReason: "Why the analyst stated another level than the rule's; empty when there is no override.",
    gaps: 'How many of the nine indicators are information gaps ("X").',
    ...Object.fromEntries(CATEGORIES.map((c) => [c, `Score of "${CATEGORY_LABELS[c]}": 0 none, 1 low, 2 medium, 3 high, X an information gap.`])),
    evidence: "How many published events the assessment cites.",
    evidenceChanged: "How many of them were retracted, corrected or given another category since the version was published.",
    version: "The assessment's version (an edit is a new version; earlier ones stay readable).",
    publishedAt: "When this version was published (UTC).",
  },
  organisations: {
    id: "This app's id of the organisation.",
    name: "The organisation's name as recorded here.",
    website: "The organisation's website.",
    countries: "In how many countries the organisation has a recorded status, as of the file's date.",
    operating: "In how many of them it is operating.",
    restricted: "In how many of them it is restricted.",
    expelled: "From how many of them it has been expelled.",
  },
  audit: {
    id: "The audit entry's id.",
    createdAt: "When it happened (UTC).",
    actor: "Who did it (empty for the command line or the seed).",
    action: "What was done.",
    entityType: "The kind of record it was done to.",
    entityId: "That record's id.",
    changes: "The fields changed, before and after, in words.",
    before: "The record before, as JSON.",
    after: "The record after, as JSON.",
  },
};

export function columnMeaning(table: TableName, id: string): string | null {
  return OWN[table]?.[id] ?? SHARED[id] ?? null;
}
