"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { editEvent, linkSource, retractEvent } from "@/lib/data/edits/events";
import { publishEvent, returnDraft } from "@/lib/data/edits/review";
import { acceptProposal, triageArticle } from "@/lib/data/triage";

// Each input is validated field by field by the data layer (eventEditSchema, retractionSchema, linkSourceSchema).
const withEvent = z.strictObject({ eventId: z.number().int().positive(), input: z.unknown() });

export const editEventAction = action(withEvent, async (actor, { eventId, input }) => {
  const result = await editEvent(actor, eventId, input);
  revalidatePath("/", "layout");
  return result;
});

export const retractEventAction = action(withEvent, async (actor, { eventId, input }) => {
  const result = await retractEvent(actor, eventId, input);
  revalidatePath("/", "layout");
  return result;
});

export const linkSourceAction = action(withEvent, async (actor, { eventId, input }) => {
  const result = await linkSource(actor, eventId, input);
  revalidatePath("/", "layout");
  return result;
});

export const publishEventAction = action(withEvent, async (actor, { eventId, input }) => {
  const result = await publishEvent(actor, eventId, input);
  revalidatePath("/", "layout");
  return result;
});

export const returnDraftAction = action(withEvent, async (actor, { eventId, input }) => {
  const result = await returnDraft(actor, eventId, input);
  revalidatePath("/review");
  return result;
});

export const triageAction = action(z.unknown(), (actor, input) => triageArticle(actor, input));

export const acceptProposalAction = action(z.unknown(), async (actor, input) => {
  const result = await acceptProposal(actor, input);
  revalidatePath("/", "layout");
  return result;
});
