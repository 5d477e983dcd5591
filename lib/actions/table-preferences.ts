"use server";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { columnChoiceSchema, resetColumns, saveColumns } from "@/lib/data/table-preferences";
import { TABLE_NAMES } from "@/lib/domain/tables/columns";

export const saveColumnsAction = action(columnChoiceSchema, saveColumns);

export const resetColumnsAction = action(z.object({ table: z.enum(TABLE_NAMES) }).strict(), (actor, { table }) => resetColumns(actor, table));
