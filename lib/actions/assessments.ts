"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { createAssessment, publishAssessment } from "@/lib/data/assessments";

// The assessment itself is validated by the data layer (assessmentSchema), field by field.
export const createAssessmentAction = action(z.unknown(), async (actor, assessment) => {
  const result = await createAssessment(actor, assessment);
  revalidatePath("/", "layout");
  return result;
});

export const publishAssessmentAction = action(
  z.strictObject({ id: z.number().int().positive(), version: z.number().int().positive() }),
  async (actor, { id, version }) => {
    const result = await publishAssessment(actor, id, { version });
    revalidatePath("/", "layout");
    return result;
  },
);
