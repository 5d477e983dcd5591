"use server";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { changeOwnPassword, signOutEverywhere } from "@/lib/data/account";
import { clientAddressFrom } from "@/lib/domain/throttle";

// Inputs are validated by the data layer (passwordChangeSchema, signOutEverywhereSchema).
export const changePasswordAction = action(z.unknown(), async (actor, input) => {
  const sent = await headers();
  await changeOwnPassword(actor, input, clientAddressFrom(sent.get("x-forwarded-for"), sent.get("x-real-ip")));
  revalidatePath("/", "layout");
});

export const signOutEverywhereAction = action(z.unknown(), async (actor, input) => {
  const result = await signOutEverywhere(actor, input);
  revalidatePath("/", "layout");
  return result;
});
