// The row shapes of the tables, as the data layer returns them: plain values only
// (dates as ISO strings), so that they cross to client components and into every export
// format unchanged.
import type { Confidence, DatePrecision, EventKind, OrganisationType, Status } from "../vocabulary";
import type { Category, Subtype } from "../constraints";
import type { AccessLevel, IndicatorScore } from "../assessments";

export interface SourceRef {
  id: number;
  publisher: string;
  title: string;
  url: string | null;
  publishedOn: string | null;
}

export interface PresenceRow {
  id: number;
  version: number;
  organisationId: number;
  organisationName: string;
  organisationAcronym: string | null;
  organisationType: OrganisationType;
  iatiId: string | null;
  countryIso3: string;
  countryName: string;
  region: string;
  status: Status;
  /** First day of the period the status holds since (see datePrecision). */
  since: string;
  sincePrecision: DatePrecision;
  peopleAffected: number | null;
  /** An event behind the status is disputed between sources. */
  disputed: boolean;
  sources: SourceRef[];
  /** Where in the country the organisation works, when a source says so. */
  areas: AreaRef[];
}

export interface EventRow {
  id: number;
  occurredOn: string;
  datePrecision: DatePrecision;
  kind: EventKind;
  category: Category | null;
  subtype: Subtype | null;
  resultingStatus: Status | null;
  confidence: Confidence;
  summary: string;
  peopleAffected: number | null;
  presenceId: number | null;
  organisationId: number | null;
  organisationName: string | null;
  organisationAcronym: string | null;
  organisationType: OrganisationType | null;
  iatiId: string | null;
  countryIso3: string;
  countryName: string;
  region: string;
  sources: SourceRef[];
  /** First-level areas (ISO 3166-2) the event is located in; none: country-wide. */
  areas: AreaRef[];
  /** For a country-level constraint: the organisations it names, or the types it concerns (neither: the whole country). */
  concernedOrganisations: { id: number; name: string }[];
  concernedTypes: OrganisationType[];
  /** The country-level constraint this presence's event was written for, if any. */
  parentEventId: number | null;
}

export interface AreaRef {
  code: string;
  name: string;
}

export interface OrganisationRow {
  id: number;
  name: string;
  acronym: string | null;
  type: OrganisationType;
  iatiId: string | null;
  website: string | null;
  /** Countries where it has a status as of the view date, and how many of each status. */
  countries: number;
  operating: number;
  restricted: number;
  expelled: number;
}

export interface AuditRow {
  id: number;
  /** ISO 8601 timestamp, UTC. */
  createdAt: string;
  actorEmail: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** An assessment at its latest version published by the view date. */
export interface AssessmentRow {
  id: number;
  countryIso3: string;
  countryName: string;
  region: string;
  /** The area assessed (ISO 3166-2), or null for the whole country. */
  area: AreaRef | null;
  /** The period assessed, first and last day. */
  from: string;
  to: string;
  version: number;
  /** ISO 8601 timestamp, UTC. */
  publishedAt: string;
  computedLevel: AccessLevel | null;
  override: { level: AccessLevel; reason: string } | null;
  /** The level stated: the override when there is one, else the rule's. */
  level: AccessLevel | null;
  scores: Record<Category, IndicatorScore>;
  gaps: number;
  /** Events cited, and how many of them were retracted, corrected or recategorised since. */
  evidence: number;
  evidenceChanged: number;
}

export interface TableRows {
  assessments: AssessmentRow;
  organisations: OrganisationRow;
  presences: PresenceRow;
  events: EventRow;
  audit: AuditRow;
}
