// Table rows → API items (nested organisation and country, as integrators expect).
import type { AssessmentRow, EventRow, OrganisationRow, PresenceRow } from "@/lib/domain/tables/rows";
import { CATEGORY } from "@/lib/domain/constraints";
import type { AssessmentItem, EventItem, OrganisationItem, PresenceItem } from "./schemas";
import type { TimelineEvent } from "@/lib/data/timeline";
import { isoDate } from "@/lib/domain/partial-date";

export function presenceItemOf(r: PresenceRow): PresenceItem {
  return {
    id: r.id,
    version: r.version,
    organisation: { id: r.organisationId, name: r.organisationName, acronym: r.organisationAcronym, type: r.organisationType, iatiId: r.iatiId },
    country: { iso3: r.countryIso3, name: r.countryName, region: r.region },
    status: r.status,
    since: r.since,
    sincePrecision: r.sincePrecision,
    peopleAffected: r.peopleAffected,
    disputed: r.disputed,
    areas: r.areas,
    sources: r.sources,
  };
}

export function eventItemOf(r: EventRow): EventItem {
  return {
    id: r.id,
    occurredOn: r.occurredOn,
    datePrecision: r.datePrecision,
    kind: r.kind,
    category: r.category,
    pillar: r.category ? CATEGORY[r.category].pillar : null,
    subtype: r.subtype,
    resultingStatus: r.resultingStatus,
    confidence: r.confidence,
    summary: r.summary,
    peopleAffected: r.peopleAffected,
    presenceId: r.presenceId,
    organisation:
      r.organisationId === null
        ? null
        : { id: r.organisationId, name: r.organisationName ?? "", acronym: r.organisationAcronym, type: r.organisationType ?? "OTHER", iatiId: r.iatiId },
    country: { iso3: r.countryIso3, name: r.countryName, region: r.region },
    areas: r.areas,
    concerns: { organisations: r.concernedOrganisations, organisationTypes: r.concernedTypes },
    parentEventId: r.parentEventId,
    sources: r.sources,
  };
}

export function organisationItemOf(r: OrganisationRow): OrganisationItem {
  return {
    id: r.id,
    name: r.name,
    acronym: r.acronym,
    type: r.type,
    iatiId: r.iatiId,
    website: r.website,
    countries: { total: r.countries, operating: r.operating, restricted: r.restricted, expelled: r.expelled },
  };
}

/** One event as `GET /api/v1/events/{id}` answers it: retracted events too, with their state. */
export function eventDetailOf(e: TimelineEvent) {
  return {
    id: e.id,
    version: e.version,
    state: e.draft ? "draft" : e.retraction ? "retracted" : "published",
    occurredOn: isoDate(e.occurredOn),
    datePrecision: e.datePrecision,
    kind: e.kind,
    category: e.category,
    pillar: e.category ? CATEGORY[e.category].pillar : null,
    subtype: e.subtype,
    resultingStatus: e.resultingStatus,
    confidence: e.confidence,
    summary: e.summary,
    peopleAffected: e.peopleAffected,
    organisation: e.organisation,
    country: e.country,
    sources: e.sources.map((s) => ({
      id: s.sourceId,
      publisher: s.publisher,
      title: s.title,
      url: s.url,
      publishedOn: s.publishedOn ? isoDate(s.publishedOn) : null,
      quote: s.quote,
      claim: s.claim,
    })),
    retraction: e.retraction ? { at: e.retraction.at.toISOString(), reason: e.retraction.reason } : null,
  };
}

export function assessmentItemOf(r: AssessmentRow): AssessmentItem {
  return {
    id: r.id,
    country: { iso3: r.countryIso3, name: r.countryName, region: r.region },
    area: r.area,
    from: r.from,
    to: r.to,
    version: r.version,
    publishedAt: r.publishedAt,
    level: r.level,
    computedLevel: r.computedLevel,
    override: r.override,
    scores: r.scores,
    gaps: r.gaps,
    evidence: r.evidence,
    evidenceChanged: r.evidenceChanged,
  };
}
