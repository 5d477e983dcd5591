"use server";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { wholeNumber } from "@/lib/domain/edit-schemas";
import { feedFiltersSchema } from "@/lib/domain/feeds";
import { createFeed, revokeFeed } from "@/lib/data/feeds";

/** The app's public origin for the address shown (NEXTAUTH_URL in production; the request's host otherwise). */
async function origin(): Promise<string> {
  if (process.env.NEXTAUTH_URL) return new URL(process.env.NEXTAUTH_URL).origin;
  const h = await headers();
  return `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`;
}

export const createFeedAction = action(feedFiltersSchema, async (actor, filters) => {
  const feed = await createFeed(actor, filters);
  revalidatePath("/account");
  return { url: `${await origin()}${feed.path}`, title: feed.title };
});

export const revokeFeedAction = action(z.object({ id: wholeNumber().pipe(z.number().positive()) }).strict(), async (actor, input) => {
  await revokeFeed(actor, input);
  revalidatePath("/account");
});
