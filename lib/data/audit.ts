// Writing an audit entry: the one way every write records itself, inside the write's own
// transaction (an entry exists exactly when the change does).
import type { AuditAction, AuditEntityType } from "@/lib/domain/audit-actions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PrismaClient, Tx } from "@/lib/db";

export interface AuditRecord {
  /** Who did it; null for the command line, the seed, or an unknown caller. */
  actorId: number | null;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

export async function recordAudit(tx: Tx | PrismaClient, entry: AuditRecord): Promise<void> {
  await tx.auditEntry.create({ data: entry });
}
