import "server-only";
// An area's OCHA place code: set only by an admin (or, later, an import), never derived from
// the ISO code. Unique: one p-code names one area.
import { db, TRANSACTION_OPTIONS } from "@/lib/db";
import { authorize, type Actor } from "@/lib/domain/actor";
import { areaPcodeSchema } from "@/lib/domain/edit-schemas";
import { DuplicateError, NotFoundError } from "@/lib/domain/errors";
import { AREA_CODE } from "@/lib/domain/area-code";
import { recordAudit } from "@/lib/data/audit";

export async function setAreaPcode(actor: Actor | null, codeParam: string, input: unknown): Promise<{ code: string; pcode: string | null }> {
  const user = authorize(actor, "manageAreas");
  const { pcode } = areaPcodeSchema.parse(input);
  const code = codeParam.toUpperCase();
  if (!AREA_CODE.test(code)) throw new NotFoundError("This area");
  return db().$transaction(async (tx) => {
    const area = await tx.area.findUnique({ where: { code } });
    if (!area) throw new NotFoundError("This area");
    if (pcode) {
      const holder = await tx.area.findUnique({ where: { pcode } });
      if (holder && holder.code !== code) throw new DuplicateError(`${pcode} is already the p-code of ${holder.name} (${holder.code})`, "pcode");
    }
    await tx.area.update({ where: { code }, data: { pcode } });
    await recordAudit(tx, { actorId: user.id, action: "area.setPcode", entityType: "Area", entityId: code, before: { pcode: area.pcode }, after: { pcode } });
    return { code, pcode };
  }, TRANSACTION_OPTIONS);
}
