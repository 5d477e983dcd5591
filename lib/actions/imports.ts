"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { discardImport, remapImport, undoImport } from "@/lib/data/imports";

// Inputs are validated by the data layer (its mapping and undo schemas).
const withImport = z.strictObject({ importId: z.number().int().positive(), input: z.unknown() });

export const remapImportAction = action(withImport, async (actor, { importId, input }) => {
  await remapImport(actor, importId, input);
  revalidatePath(`/imports/${importId}`);
});

export const undoImportAction = action(withImport, async (actor, { importId, input }) => {
  const result = await undoImport(actor, importId, input);
  revalidatePath("/", "layout");
  return result;
});

export const discardImportAction = action(z.strictObject({ importId: z.number().int().positive() }), async (actor, { importId }) => {
  await discardImport(actor, importId);
  revalidatePath("/imports");
});
