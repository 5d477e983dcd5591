"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { createOrganisation, createPresence, updateOrganisation } from "@/lib/data/edits/organisations";

// Inputs are validated field by field by the data layer (organisationSchema, presenceSchema).
export const createOrganisationAction = action(z.unknown(), async (actor, input) => {
  const created = await createOrganisation(actor, input);
  revalidatePath("/organisations");
  return created;
});

export const createPresenceAction = action(z.unknown(), async (actor, input) => {
  const created = await createPresence(actor, input);
  revalidatePath("/", "layout");
  return created;
});

export const updateOrganisationAction = action(z.strictObject({ id: z.number().int().positive(), input: z.unknown() }), async (actor, { id, input }) => {
  const updated = await updateOrganisation(actor, id, input);
  revalidatePath("/", "layout");
  return updated;
});
