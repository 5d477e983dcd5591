import "server-only";
// A status change is a new sourced event, the presence's recomputed status and an audit
// entry, in one transaction, guarded by the version the analyst saw (documenso's
// cancel-document pattern: the expected version in the update's WHERE, then check the count).
import { ZodError, type z } from "zod";
import { db, TRANSACTION_OPTIONS, type Tx } from "@/lib/db";
import { firstEventSchema, presenceAreasSchema, presenceEventSchema, statusChangeSchema } from "@/lib/domain/edit-schemas";
import { areaCodesProblem } from "@/lib/domain/areas";
import type { Status } from "@/lib/domain/vocabulary";
import type { Presence } from "@/lib/generated/prisma/client";
import { isoDate } from "@/lib/domain/view";
import { authorize, type Actor } from "@/lib/domain/actor";
import { recountEvent } from "@/lib/data/projections/event-month-totals";
import { refreshPresenceProjection } from "@/lib/data/projections/presence-projection-store";
import { sourceIdFor } from "./sources";
import { eventRowData } from "./event-row";
import { recordAudit } from "@/lib/data/audit";
import { requireReview } from "@/lib/env";
import { newEventState } from "@/lib/domain/review";
import { ConflictError, NotFoundError, type PresenceNow } from "@/lib/domain/errors";

export interface StatusChangeResult {
  eventId: number;
  /** DRAFT when saved for review (asked, or REQUIRE_REVIEW): the status is then unchanged. */
  reviewState: "DRAFT" | "PUBLISHED";
  presence: { id: number; version: number; status: string | null; since: string | null };
}

async function presenceNow(tx: Tx, presenceId: number): Promise<PresenceNow | null> {
  const presence = await tx.presence.findUnique({ where: { id: presenceId } });
  if (!presence) return null;
  const last = await tx.accessEvent.findFirst({
    where: { presenceId },
    orderBy: { createdAt: "desc" },
    include: { author: { select: { name: true, email: true } } },
  });
  return {
    version: presence.version,
    status: presence.status,
    since: presence.since ? isoDate(presence.since) : null,
    lastChange: last
      ? {
          summary: last.summary,
          occurredOn: isoDate(last.occurredOn),
          by: last.author ? `${last.author.name} (${last.author.email})` : null,
          at: last.createdAt.toISOString(),
        }
      : null,
  };
}

export async function changeStatus(actor: Actor | null, presenceId: number, input: unknown): Promise<StatusChangeResult> {
  const user = authorize(actor, "editEvents");
  const { version, ...change } = statusChangeSchema.parse(input);
  return claimAndWrite(user.id, presenceId, version, change);
}

/**
 * An event for one presence from the API: a status change, or without `status` a constraint on
 * that organisation that changes none; optionally placed in areas of the country.
 */
export async function recordPresenceEvent(actor: Actor | null, presenceId: number, input: unknown): Promise<StatusChangeResult> {
  const user = authorize(actor, "editEvents");
  const { version, status, ...change } = presenceEventSchema.parse(input);
  return claimAndWrite(user.id, presenceId, version, { ...change, status: status ?? null });
}

async function claimAndWrite(userId: number, presenceId: number, version: number, change: PresenceEvent): Promise<StatusChangeResult> {
  if (!Number.isSafeInteger(presenceId) || presenceId < 1) throw new NotFoundError("This presence");
  return db().$transaction(async (tx) => {
    await claimPresence(tx, presenceId, version);
    const before = await tx.presence.findUniqueOrThrow({ where: { id: presenceId } });
    return writeStatusEvent(tx, userId, { ...before, version }, change);
  }, TRANSACTION_OPTIONS);
}

/**
 * Claims the presence at the version the user saw, moving it on by one: a concurrent write
 * waits here, then finds the version moved on (a conflict that says how the record is now).
 */
async function claimPresence(tx: Tx, presenceId: number, version: number): Promise<void> {
  const claimed = await tx.presence.updateMany({ where: { id: presenceId, version }, data: { version: { increment: 1 } } });
  if (claimed.count > 0) return;
  const now = await presenceNow(tx, presenceId);
  if (!now) throw new NotFoundError("This presence");
  throw new ConflictError({ record: "presence", now });
}

/** What one presence's event says: a status change, or (status null) an event that changes none. */
export type PresenceEvent = Omit<z.output<typeof firstEventSchema>, "status"> & { status: Status | null; areas?: string[] };

/** Fails as the form's `sources` field when a cited source id does not exist. */
export async function checkSourcesExist(tx: Tx, sources: PresenceEvent["sources"]): Promise<void> {
  const sourceIds = sources.flatMap((s) => ("sourceId" in s ? [s.sourceId] : []));
  const known = await tx.source.findMany({ where: { id: { in: sourceIds } }, select: { id: true } });
  if (known.length !== new Set(sourceIds).size) {
    throw new ZodError([{ code: "custom", path: ["sources"], message: "A chosen source does not exist (any more). Pick it again.", input: sourceIds }]);
  }
}

/** Links the cited sources (new ones created) to an event; returns their ids. */
export async function citeSources(tx: Tx, eventId: number, sources: PresenceEvent["sources"]): Promise<number[]> {
  const linked = new Set<number>();
  for (const citation of sources) {
    const sourceId = await sourceIdFor(tx, citation);
    if (linked.has(sourceId)) continue; // the same source twice is one citation
    linked.add(sourceId);
    await tx.eventSource.create({ data: { eventId, sourceId, quote: citation.quote ?? null } });
  }
  return [...linked];
}

/** Fails as the `areas` field unless every code is a first-level area of the country. */
export function checkAreas(iso3: string, areas: readonly string[]): void {
  const problem = areaCodesProblem(iso3, areas);
  if (problem) throw new ZodError([{ code: "custom", path: ["areas"], message: problem, input: areas }]);
}

/**
 * The event of a status change, its sources, the presence's recomputed status and the
 * audit entry, inside the caller's transaction (a status change, or a new presence with its
 * first event). `before` is the presence as the analyst saw it.
 */
export async function writeStatusEvent(
  tx: Tx,
  userId: number,
  before: Presence,
  change: PresenceEvent,
  options: { parentEventId?: number; reviewState?: "DRAFT" | "PUBLISHED" } = {},
): Promise<StatusChangeResult> {
  const presenceId = before.id;
  const reviewState = options.reviewState ?? newEventState(change.draft, requireReview());
  const areas = change.areas ?? [];
  checkAreas(before.countryIso3, areas);
  if (change.sources.some((s) => "sourceId" in s)) await checkSourcesExist(tx, change.sources);

  const event = await tx.accessEvent.create({
    data: {
      ...eventRowData(change, {
        presenceId,
        countryIso3: before.countryIso3,
        status: change.status,
        reviewState,
        authorId: userId,
        parentEventId: options.parentEventId,
      }),
      areas: { create: areas.map((areaCode) => ({ areaCode })) },
    },
  });
  await recountEvent(tx, null, event);
  const linked = await citeSources(tx, event.id, change.sources);
  // Recomputed from every published event: a backdated event never hides a newer one.
  await refreshPresenceProjection(tx, presenceId);
  const after = await tx.presence.findUniqueOrThrow({ where: { id: presenceId } });
  const snapshot = (p: Presence) => ({
    status: p.status,
    since: p.since ? isoDate(p.since) : null,
    sincePrecision: p.sincePrecision,
    peopleAffected: p.peopleAffected,
    version: p.version,
  });
  await recordAudit(tx, {
    actorId: userId,
    action: "presence.statusChange",
    entityType: "Presence",
    entityId: String(presenceId),
    before: snapshot(before),
    after: {
      ...snapshot(after),
      eventId: event.id,
      eventStatus: change.status,
      kind: change.kind,
      occurredOn: isoDate(event.occurredOn),
      sources: linked,
      ...(areas.length ? { areas } : {}),
      ...(options.parentEventId ? { constraintEventId: options.parentEventId } : {}),
      ...(reviewState === "DRAFT" ? { draft: true } : {}),
    },
  });
  return {
    eventId: event.id,
    reviewState,
    presence: { id: presenceId, version: after.version, status: after.status, since: after.since ? isoDate(after.since) : null },
  };
}

/** Replaces the list of areas where the organisation works in the country, guarded by the version seen. */
export async function setPresenceAreas(actor: Actor | null, presenceId: number, input: unknown): Promise<{ id: number; version: number; areas: string[] }> {
  const user = authorize(actor, "editEvents");
  const { version, areas } = presenceAreasSchema.parse(input);
  if (!Number.isSafeInteger(presenceId) || presenceId < 1) throw new NotFoundError("This presence");
  return db().$transaction(async (tx) => {
    await claimPresence(tx, presenceId, version);
    const presence = await tx.presence.findUniqueOrThrow({ where: { id: presenceId }, include: { areas: true } });
    checkAreas(presence.countryIso3, areas); // each an area of the country, none twice
    const before = presence.areas.map((a) => a.areaCode).sort();
    await tx.presenceArea.deleteMany({ where: { presenceId } });
    await tx.presenceArea.createMany({ data: areas.map((areaCode) => ({ presenceId, areaCode })) });
    await recordAudit(tx, {
      actorId: user.id,
      action: "presence.setAreas",
      entityType: "Presence",
      entityId: String(presenceId),
      before: { areas: before, version },
      after: { areas: [...areas].sort(), version: presence.version },
    });
    return { id: presenceId, version: presence.version, areas: [...areas].sort() };
  }, TRANSACTION_OPTIONS);
}
