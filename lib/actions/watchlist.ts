"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { wholeNumber } from "@/lib/domain/edit-schemas";
import { feedFiltersSchema } from "@/lib/domain/feeds";
import { follow, unfollow } from "@/lib/data/watchlist";

export const followAction = action(feedFiltersSchema, async (actor, filters) => {
  const followed = await follow(actor, filters);
  revalidatePath("/watchlist");
  return followed;
});

export const unfollowAction = action(z.object({ id: wholeNumber().pipe(z.number().positive()) }).strict(), async (actor, input) => {
  await unfollow(actor, input);
  revalidatePath("/watchlist");
});
