import "server-only";
// The columns each user chose to see in each table, kept in the database so that the
// choice follows them across browsers.
import { z } from "zod";
import { db } from "@/lib/db";
import { TABLE_COLUMNS, TABLE_NAMES, type TableName } from "@/lib/domain/tables/columns";
import { authorize, type Actor } from "@/lib/domain/actor";
import { TABLES } from "@/lib/domain/tables/descriptors";
import { notePersonal } from "@/lib/page-cache/fill";

export async function savedColumns(actor: Actor | null, table: TableName): Promise<string[] | null> {
  const user = authorize(actor, TABLES[table].readAction);
  const saved = await db().tablePreference.findUnique({ where: { userId_table: { userId: user.id, table } } });
  const columns = saved?.columns ?? null;
  await notePersonal("columns", table, columns);
  return columns;
}

export const columnChoiceSchema = z
  .object({ table: z.enum(TABLE_NAMES), columns: z.array(z.string().max(40)).min(1, "Keep at least one column").max(40) })
  .strict()
  .refine(({ table, columns }) => columns.every((id) => TABLE_COLUMNS[table].some((c) => c.id === id)), {
    message: "Unknown column",
    path: ["columns"],
  });

/** Remembers a user's visible columns for a table. */
export async function saveColumns(actor: Actor | null, input: unknown): Promise<void> {
  const { table, columns } = columnChoiceSchema.parse(input);
  const user = authorize(actor, TABLES[table].readAction);
  await db().$transaction(async (tx) => {
    await tx.tablePreference.upsert({
      where: { userId_table: { userId: user.id, table } },
      create: { userId: user.id, table, columns },
      update: { columns },
    });
  });
}

/** Forgets a user's choice for a table: the default columns show again. */
export async function resetColumns(actor: Actor | null, table: TableName): Promise<void> {
  const user = authorize(actor, TABLES[table].readAction);
  await db().tablePreference.deleteMany({ where: { userId: user.id, table } });
}
