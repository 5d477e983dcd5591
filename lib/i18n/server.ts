import "server-only";
// The language of this request and its messages, for server components, routes and actions.
// The signed-in user's choice wins; before sign-in (or until they choose) the cookie set by
// the switch, then the browser's Accept-Language, then English.
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "use-intl/core";
import { currentActor } from "@/lib/auth/session";
import { countryNamesIn } from "@/lib/data/countries";
import { LOCALE_COOKIE, requestLocale, type Locale } from "@/lib/domain/locales";
import { MESSAGES, type Messages } from "./messages";
import { formatterFor } from "./format";

export const getLocale = cache(async (): Promise<Locale> => {
  // A database or rate-limit failure here must not stop the page saying so in some language.
  const actor = await currentActor().catch(() => null);
  return requestLocale({
    chosen: actor?.locale,
    cookie: (await cookies()).get(LOCALE_COOKIE)?.value,
    acceptLanguage: (await headers()).get("accept-language"),
  });
});

/** A translator for one namespace of the messages in this request's language. */
export async function getTranslations<N extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(namespace: N) {
  const locale = await getLocale();
  return createTranslator({ locale, messages: MESSAGES[locale], namespace });
}

/** Dates, numbers and vocabulary labels in this request's language. */
export async function getFormat() {
  return formatterFor(await getLocale());
}

/**
 * A country's name in this request's language, from its ISO3 code; English rows already carry
 * their names, so only French reads the names (once per request).
 */
export async function getCountryName(): Promise<(iso3: string, fallback: string) => string> {
  const locale = await getLocale();
  if (locale === "en") return (_iso3, fallback) => fallback;
  const names = await countryNamesIn(await currentActor(), locale);
  return (iso3, fallback) => names.get(iso3) ?? fallback;
}
