"use server";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { wholeNumber } from "@/lib/domain/edit-schemas";
import { feedFiltersSchema } from "@/lib/domain/feeds";
import { createFeed, revokeFeed } from "@/lib/data/feeds";
import { publicOriginFromHeaders } from "@/lib/api/origin";

export const createFeedAction = action(feedFiltersSchema, async (actor, filters) => {
  const feed = await createFeed(actor, filters);
  revalidatePath("/account");
  return { url: `${publicOriginFromHeaders(await headers())}${feed.path}`, title: feed.title };
});

export const revokeFeedAction = action(z.object({ id: wholeNumber().pipe(z.number().positive()) }).strict(), async (actor, input) => {
  await revokeFeed(actor, input);
  revalidatePath("/account");
});
