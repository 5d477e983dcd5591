"use server";
// The language switch: remembered in a cookie for this browser (also before sign-in) and,
// for a signed-in user, on their account.
import { z } from "zod";
import { cookies } from "next/headers";
import { currentActor } from "@/lib/auth/session";
import { servedOverHttps } from "@/lib/auth/cookies";
import { savePreferredLocale } from "@/lib/data/account";
import { LOCALE_COOKIE, LOCALES } from "@/lib/domain/locales";
import { failure, type ActionResult } from "@/lib/actions/action";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export async function chooseLocaleAction(input: unknown): Promise<ActionResult> {
  try {
    const { locale } = z.strictObject({ locale: z.enum(LOCALES) }).parse(input);
    const actor = await currentActor();
    if (actor) await savePreferredLocale(actor, locale);
    (await cookies()).set(LOCALE_COOKIE, locale, { maxAge: ONE_YEAR_SECONDS, httpOnly: true, sameSite: "lax", path: "/", secure: servedOverHttps() });
    return { ok: true, value: undefined };
  } catch (error) {
    return failure(error);
  }
}
