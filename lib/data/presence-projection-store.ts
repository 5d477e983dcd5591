// Rewrites a presence's denormalised status columns from its events. Called inside the
// transaction of every write that touches events (and by the seed). It checks no user:
// it only recomputes derived columns from rows the caller has already been allowed to write.
import type { Tx } from "@/lib/db";
import { projectPresence } from "@/lib/domain/presence-projection";

export async function refreshPresenceProjection(tx: Tx, presenceId: number): Promise<boolean> {
  const [presence, events] = await Promise.all([
    tx.presence.findUniqueOrThrow({ where: { id: presenceId } }),
    tx.accessEvent.findMany({
      where: { presenceId },
      select: { id: true, resultingStatus: true, occurredOn: true, datePrecision: true, peopleAffected: true, reviewState: true },
    }),
  ]);
  const projection = projectPresence(events);
  const unchanged =
    presence.status === projection.status &&
    presence.since?.getTime() === projection.since?.getTime() &&
    presence.sincePrecision === projection.sincePrecision &&
    presence.peopleAffected === projection.peopleAffected &&
    presence.sinceEventId === (projection.statusEventIds[0] ?? null);
  if (unchanged) return false;
  await tx.presence.update({
    where: { id: presenceId },
    data: {
      status: projection.status,
      since: projection.since,
      sincePrecision: projection.sincePrecision,
      peopleAffected: projection.peopleAffected,
      sinceEventId: projection.statusEventIds[0] ?? null,
    },
  });
  return true;
}
