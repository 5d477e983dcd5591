"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { wholeNumber } from "@/lib/domain/edit-schemas";
import { createWebhook, disableWebhook, resendDelivery } from "@/lib/data/webhooks";

const id = z.object({ id: wholeNumber().pipe(z.number().positive()) }).strict();

// The data layer validates the subscription itself (whether local addresses are allowed is its call).
export const createWebhookAction = action(z.unknown(), async (actor, input) => {
  const created = await createWebhook(actor, input);
  revalidatePath("/admin/webhooks");
  return created;
});

export const disableWebhookAction = action(id, async (actor, input) => {
  await disableWebhook(actor, input);
  revalidatePath("/admin/webhooks");
});

export const resendDeliveryAction = action(id, async (actor, input) => {
  await resendDelivery(actor, input);
  revalidatePath("/admin/webhooks");
});
