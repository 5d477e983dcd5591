"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { createOrganisation, createPresence, updateOrganisation } from "@/lib/data/edits/organisations";
import { addAlias, removeAlias } from "@/lib/data/edits/aliases";
import { mergeOrganisations } from "@/lib/data/edits/merge";

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

export const addAliasAction = action(z.strictObject({ id: z.number().int().positive(), input: z.unknown() }), async (actor, { id, input }) => {
  const alias = await addAlias(actor, id, input);
  revalidatePath(`/organisations/${id}`);
  return alias;
});

export const removeAliasAction = action(
  z.strictObject({ id: z.number().int().positive(), aliasId: z.number().int().positive() }),
  async (actor, { id, aliasId }) => {
    await removeAlias(actor, id, aliasId);
    revalidatePath(`/organisations/${id}`);
  },
);

export const mergeOrganisationsAction = action(z.strictObject({ id: z.number().int().positive(), input: z.unknown() }), async (actor, { id, input }) => {
  const merged = await mergeOrganisations(actor, id, input);
  revalidatePath("/", "layout");
  return merged;
});
