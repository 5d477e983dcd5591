import "server-only";
// One organisation's details, for its page and its edit form.
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/domain/actor";

export async function getOrganisation(actor: Actor | null, id: number) {
  authorize(actor, "read");
  if (!Number.isSafeInteger(id) || id < 1) return null;
  return db().organisation.findUnique({
    where: { id },
    select: { id: true, name: true, acronym: true, type: true, iatiId: true, website: true, updatedAt: true },
  });
}
