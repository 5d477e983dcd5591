// The row an event is stored as, from what an analyst (or an imported row) says: one place
// for its category (the subtype's, or the kind's default), its date (the start of its period)
// and its review fields, used by every event write (one at a time, or an import's batch).
import type { Prisma } from "@/lib/generated/prisma/client";
import { resolveCategory, type Category, type Subtype } from "@/lib/domain/constraints";
import { startOfPeriod } from "@/lib/domain/partial-date";
import type { Confidence, DatePrecision, EventKind, Status } from "@/lib/domain/vocabulary";

export interface EventFacts {
  kind: EventKind;
  category?: Category | null;
  subtype?: Subtype | null;
  occurredOn: Date;
  datePrecision: DatePrecision;
  summary: string;
  peopleAffected?: number | null;
  confidence: Confidence;
}

export interface EventPlacement {
  presenceId: number | null;
  countryIso3: string;
  status: Status | null;
  reviewState: "DRAFT" | "PUBLISHED";
  authorId: number;
  /** Who published it (its author unless someone else committed it). */
  publisherId?: number;
  parentEventId?: number | null;
  importId?: number | null;
}

export function eventRowData(facts: EventFacts, at: EventPlacement): Prisma.AccessEventUncheckedCreateInput {
  return {
    presenceId: at.presenceId,
    countryIso3: at.countryIso3,
    kind: facts.kind,
    category: resolveCategory(facts.kind, facts.category, facts.subtype),
    subtype: facts.subtype ?? null,
    resultingStatus: at.status,
    occurredOn: startOfPeriod(facts.occurredOn, facts.datePrecision),
    datePrecision: facts.datePrecision,
    summary: facts.summary,
    peopleAffected: facts.peopleAffected ?? null,
    confidence: facts.confidence,
    reviewState: at.reviewState,
    ...(at.reviewState === "PUBLISHED" ? { publishedAt: new Date(), publishedById: at.publisherId ?? at.authorId } : {}),
    authorId: at.authorId,
    parentEventId: at.parentEventId ?? null,
    importId: at.importId ?? null,
  };
}
