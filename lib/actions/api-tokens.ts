"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { wholeNumber } from "@/lib/domain/edit-schemas";
import { action } from "@/lib/actions/action";
import { issueApiToken, issueTokenSchema, revokeApiToken } from "@/lib/data/api-tokens";

export const issueTokenAction = action(issueTokenSchema, async (actor, input) => {
  const issued = await issueApiToken(actor, input);
  revalidatePath("/admin/tokens");
  return issued;
});

export const revokeTokenAction = action(z.object({ id: wholeNumber().pipe(z.number().positive()) }).strict(), async (actor, input) => {
  await revokeApiToken(actor, input);
  revalidatePath("/admin/tokens");
});
