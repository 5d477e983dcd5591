import "server-only";
import { readDb } from "./read-routing";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Confidence, DatePrecision, EventKind, Status } from "@/lib/domain/vocabulary";
import { authorize, type Actor } from "@/lib/domain/actor";
import { can } from "@/lib/domain/permissions";
import type { Category, Subtype } from "@/lib/domain/constraints";
import { CITATIONS_INCLUDE, toCitation, type SourceCitation } from "./citations";

export interface TimelineEvent {
  id: number;
  kind: EventKind;
  category: Category | null;
  subtype: Subtype | null;
  resultingStatus: Status | null;
  occurredOn: Date;
  datePrecision: DatePrecision;
  summary: string;
  peopleAffected: number | null;
  confidence: Confidence;
  country: { iso3: string; name: string };
  organisation: { id: number; name: string; acronym: string | null } | null;
  sources: SourceCitation[];
  /** Guards edits: the version the editor saw. */
  version: number;
  /** Set when the event was withdrawn: it stays in the history and no longer counts. */
  retraction: { at: Date; reason: string; by: string | null } | null;
  /** Set while the event is a draft (seen only by those who may edit events). */
  draft: { author: { id: number; name: string } | null; createdAt: Date; returnedAt: Date | null; comment: string | null; importId: number | null } | null;
}

export const TIMELINE_INCLUDE = {
  country: { select: { iso3: true, nameEn: true } },
  presence: { select: { organisation: { select: { id: true, name: true, acronym: true } } } },
  retractedBy: { select: { name: true } },
  author: { select: { id: true, name: true } },
  ...CITATIONS_INCLUDE,
} satisfies Prisma.AccessEventInclude;

type EventWithTimeline = Prisma.AccessEventGetPayload<{ include: typeof TIMELINE_INCLUDE }>;

export function toTimelineEvent(event: EventWithTimeline): TimelineEvent {
  return {
    id: event.id,
    kind: event.kind,
    category: event.category,
    subtype: event.subtype,
    resultingStatus: event.resultingStatus,
    occurredOn: event.occurredOn,
    datePrecision: event.datePrecision,
    summary: event.summary,
    peopleAffected: event.peopleAffected,
    confidence: event.confidence,
    country: { iso3: event.country.iso3, name: event.country.nameEn },
    organisation: event.presence?.organisation ?? null,
    sources: event.sources.map(toCitation),
    version: event.version,
    retraction:
      event.reviewState === "RETRACTED" && event.retractedAt
        ? { at: event.retractedAt, reason: event.retractionReason ?? "", by: event.retractedBy?.name ?? null }
        : null,
    draft:
      event.reviewState === "DRAFT"
        ? { author: event.author, createdAt: event.createdAt, returnedAt: event.returnedAt, comment: event.reviewComment, importId: event.importId }
        : null,
  };
}

/** Published events, and retracted ones that had been published (a discarded draft was never public). */
const EVER_PUBLISHED = {
  OR: [{ reviewState: "PUBLISHED" }, { reviewState: "RETRACTED", publishedAt: { not: null } }],
} satisfies Prisma.AccessEventWhereInput;

/** Pages show this many of the latest events; the events table has them all. */
export const TIMELINE_LIMIT = 50;

/**
 * The latest published (and retracted, marked as such) events up to the view date, newest
 * first, at most `limit`; `more` says whether older ones were left out.
 */
export async function listTimeline(
  actor: Actor | null,
  where: { countryIso3?: string; organisationId?: number },
  asOf: Date,
  limit = TIMELINE_LIMIT,
): Promise<{ events: TimelineEvent[]; more: boolean }> {
  authorize(actor, "read");
  const events = await readDb(actor).accessEvent.findMany({
    where: {
      ...EVER_PUBLISHED,
      occurredOn: { lte: asOf },
      ...(where.countryIso3 ? { countryIso3: where.countryIso3 } : {}),
      ...(where.organisationId ? { presence: { organisationId: where.organisationId } } : {}),
    },
    include: TIMELINE_INCLUDE,
    orderBy: [{ occurredOn: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  return { events: events.slice(0, limit).map(toTimelineEvent), more: events.length > limit };
}

export async function getEvent(actor: Actor | null, id: number): Promise<TimelineEvent | null> {
  authorize(actor, "read");
  if (!Number.isSafeInteger(id) || id < 1) return null;
  // Drafts are seen by those who may edit events (to review them), by nobody else.
  const visible = can(actor!.role, "editEvents") ? {} : EVER_PUBLISHED;
  const event = await readDb(actor).accessEvent.findFirst({ where: { id, ...visible }, include: TIMELINE_INCLUDE });
  return event ? toTimelineEvent(event) : null;
}
