// The interface's words, one JSON file per language (lib/i18n/messages/*.json), read by
// use-intl (the core of next-intl). English is the reference: a unit test checks that French
// has every key and nothing else, and no value is empty.
import type { Locale } from "@/lib/domain/locales";
import en from "./messages/en.json";
import fr from "./messages/fr.json";

export type Messages = typeof en;

export const MESSAGES: Record<Locale, Messages> = { en, fr };

/** What a table's rows are called, counted (table.nouns). */
export type TableNoun = keyof Messages["table"]["nouns"];

/**
 * The namespaces that only server components read: kept out of what every page sends to the
 * browser (the demo accounts' words, too, which a deployment that is no demo never shows).
 */
const SERVER_ONLY = [
  "meta",
  "signInPage",
  "overview",
  "lists",
  "country",
  "constraints",
  "organisation",
  "event",
  "timeline",
  "watchlist",
  "ranking",
  "assessmentPage",
] as const;

/** The messages the browser needs (client components), in one language. */
export function clientMessages(locale: Locale): Partial<Messages> {
  return Object.fromEntries(Object.entries(MESSAGES[locale]).filter(([namespace]) => !(SERVER_ONLY as readonly string[]).includes(namespace)));
}
