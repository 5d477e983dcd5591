// Factories that make unique rows, so that tests sharing a database never collide.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/domain/actor";
import { REBUILD_MONTH_TOTALS } from "@/lib/data/projections/event-month-totals";
import { refreshPresenceProjection } from "@/lib/data/projections/presence-projection-store";
import { REBUILD_STATUS_COUNT_HISTORY } from "@/lib/data/projections/status-count-history";
import { createOrganisation, createPresence } from "@/lib/data/edits/organisations";
import { changeStatus } from "@/lib/data/edits/status-change";
import type { DatePrecision, OrganisationType, Role, Status } from "@/lib/domain/vocabulary";

export const unique = (prefix: string) => `${prefix}-${randomBytes(5).toString("hex")}`;

export async function seedUser(prisma: PrismaClient, overrides: { role?: Role; password?: string; disabled?: boolean } = {}) {
  const password = overrides.password ?? "a-long-test-password";
  const user = await prisma.user.create({
    data: {
      email: `${unique("user")}@example.test`,
      name: unique("Test User"),
      role: overrides.role ?? "VIEWER",
      passwordHash: await hashPassword(password),
      disabledAt: overrides.disabled ? new Date() : null,
    },
  });
  const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role };
  return { user, actor, password };
}

const FIRST_KIND: Record<Status, "ARRIVAL" | "RESTRICTION_IMPOSED" | "ORDER_TO_LEAVE"> = {
  OPERATING: "ARRIVAL",
  RESTRICTED: "RESTRICTION_IMPOSED",
  EXPELLED: "ORDER_TO_LEAVE",
};

/**
 * An organisation recorded in a country, made through the data layer as an analyst makes
 * one (so it is a state the app can reach, projections included). `by` may edit.
 */
export async function seedPresence(by: Actor, { country = "NER", type = "INGO" as OrganisationType, name = unique("Org") } = {}) {
  const { id: organisationId } = await createOrganisation(by, { name, type });
  const presence = await createPresence(by, { organisationId, countryIso3: country });
  return { id: presence.id, organisationId, version: presence.version };
}

/** A presence with a first status since a day, set by a sourced status change (seedPresence's options apply). */
export async function seedPresenceWithStatus(
  by: Actor,
  {
    status = "OPERATING" as Status,
    since = "2024-01-01",
    precision = "DAY" as DatePrecision,
    ...where
  }: Parameters<typeof seedPresence>[1] & { status?: Status; since?: string; precision?: DatePrecision } = {},
) {
  const presence = await seedPresence(by, where);
  const change = await changeStatus(by, presence.id, {
    status,
    kind: FIRST_KIND[status],
    occurredOn: since,
    datePrecision: precision,
    summary: "A status set by a test factory.",
    confidence: "CONFIRMED",
    version: presence.version,
    sources: [{ publisher: "Test Wire", title: "A report for the test" }],
  });
  return { ...presence, eventId: change.eventId, version: change.presence.version };
}

/**
 * After fixtures wrote events directly (not through the edit functions, which keep the
 * projections in step in their own transaction): brings the stored projections in line,
 * as a bulk load does.
 */
export async function refreshProjections(prisma: PrismaClient): Promise<void> {
  const presences = await prisma.presence.findMany({ select: { id: true } });
  await prisma.$transaction(
    async (tx) => {
      for (const { id } of presences) await refreshPresenceProjection(tx, id);
      for (const statement of REBUILD_MONTH_TOTALS) await tx.$executeRaw(statement);
      // Fixtures may also have written statuses or types directly.
      await tx.$executeRaw`DELETE FROM "StatusCountPeriod"`;
      await tx.$executeRaw(REBUILD_STATUS_COUNT_HISTORY);
    },
    { timeout: 60_000 },
  );
}
