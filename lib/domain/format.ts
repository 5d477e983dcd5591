import { DEFAULT_LOCALE, INTL_LOCALE, LOCALES, type Locale } from "./locales";

// How numbers are written everywhere in the app: "2,000,000" in English, "2 000 000" in French.
const numberFormats = Object.fromEntries(LOCALES.map((locale) => [locale, new Intl.NumberFormat(INTL_LOCALE[locale])])) as Record<Locale, Intl.NumberFormat>;

export function formatNumber(value: number, locale: Locale = DEFAULT_LOCALE): string {
  return numberFormats[locale].format(value);
}

/**
 * "ICRC in Niger"; but an organisation whose name already says where it is ("Embassy of
 * France in Niger", "UN Mission in Mali") is not placed there twice. In French "CICR (Niger)":
 * the preposition before a country's name (au, en, aux, à) depends on the name.
 */
export function presenceName(organisation: string, country: string, locale: Locale = DEFAULT_LOCALE): string {
  if (locale === "fr") return `${organisation} (${country})`;
  return organisation.toLocaleLowerCase("en-GB").endsWith(` in ${country.toLocaleLowerCase("en-GB")}`) ? organisation : `${organisation} in ${country}`;
}

const SINGULAR: Record<string, string> = { countries: "country", entries: "entry", events: "event", organisations: "organisation", presences: "presence" };

/** "1 country", "2 countries": the table nouns, counted. */
export function counted(count: number, plural: string): string {
  return count === 1 ? (SINGULAR[plural] ?? plural) : plural;
}
