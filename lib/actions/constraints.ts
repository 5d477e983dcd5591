"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { recordConstraint } from "@/lib/data/edits/constraints";

// The constraint itself is validated by the data layer (constraintSchema), field by field.
export const recordConstraintAction = action(z.strictObject({ iso3: z.string().max(3), constraint: z.unknown() }), async (actor, { iso3, constraint }) => {
  const result = await recordConstraint(actor, iso3, constraint);
  revalidatePath("/", "layout");
  return result;
});
