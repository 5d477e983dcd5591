"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { changeStatus } from "@/lib/data/edits/status-change";

// The change itself is validated by the data layer (statusChangeSchema), field by field.
export const changeStatusAction = action(
  z.strictObject({ presenceId: z.number().int().positive(), change: z.unknown() }),
  async (actor, { presenceId, change }) => {
    const result = await changeStatus(actor, presenceId, change);
    revalidatePath("/", "layout");
    return result;
  },
);
