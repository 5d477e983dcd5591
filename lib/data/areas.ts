import "server-only";
// A country's first-level areas as recorded in the database (codes and names from
// lib/domain/areas.ts, p-codes as an admin or an import set them).
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/domain/actor";
import { areaByCode } from "@/lib/domain/areas";
import { NotFoundError } from "@/lib/domain/errors";
import { ISO3_CODE } from "@/lib/domain/vocabulary";

export interface AreaItem {
  code: string;
  name: string;
  /** OCHA place code, null unless set. */
  pcode: string | null;
  level: number;
  /** Whether the app has its boundary (the country map draws only those). */
  hasBoundary: boolean;
}

export async function listAreas(actor: Actor | null, iso3Param: string): Promise<AreaItem[]> {
  authorize(actor, "read");
  const iso3 = iso3Param.toUpperCase();
  if (!ISO3_CODE.test(iso3) || !(await db().country.findUnique({ where: { iso3 }, select: { iso3: true } }))) {
    throw new NotFoundError("This country");
  }
  const rows = await db().area.findMany({ where: { countryIso3: iso3 }, orderBy: { name: "asc" } });
  return rows.map((a) => ({ code: a.code, name: a.name, pcode: a.pcode, level: a.level, hasBoundary: areaByCode(a.code)?.hasBoundary ?? false }));
}
