// The interface's words, one JSON file per language (lib/i18n/messages/*.json), read by
// use-intl (the core of next-intl). English is the reference: a unit test checks that French
// has every key and nothing else, and no value is empty.
//
// The messages are compiled once, here on the server, from ICU text to icu-minify's compact
// form (as next-intl's `precompile` does): the browser then formats them with use-intl's
// 650-byte runtime instead of an ICU parser (11 kB gzip of every page's first load).
// next.config.js and vitest.config.ts point use-intl's formatter at that runtime, so every
// translator, on the server too, reads compiled messages; a malformed message fails here, at start.
import compile from "icu-minify/compile";
import type { Locale } from "@/lib/domain/locales";
import en from "./messages/en.json";
import fr from "./messages/fr.json";

/** The messages' shape, as the English file has it: what keys and arguments are type-checked against. */
export type Messages = typeof en;

/**
 * Each message compiled, the shape kept (the type stays the source's, for the keys). Copied
 * through JSON: icu-minify makes a plural's branches objects without a prototype, which
 * cannot cross from server to client components.
 */
const compileOne = (message: string): unknown => JSON.parse(JSON.stringify(compile(message)));
function compiled<T extends object>(messages: T): T {
  return Object.fromEntries(
    Object.entries(messages).map(([key, value]) => [key, typeof value === "string" ? compileOne(value) : compiled(value as object)]),
  ) as T;
}

export const MESSAGES: Record<Locale, Messages> = { en: compiled(en), fr: compiled(fr) };

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
