// The interface languages, defined once: which exist, how a browser's Accept-Language picks
// one before sign-in, and which Intl locale formats dates and numbers in each.

export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The cookie that remembers the choice in this browser (the account remembers it too). */
export const LOCALE_COOKIE = "am-locale";

/** Each language's own name, as shown in the switch whatever the current language. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", fr: "Français" };

/** The Intl locale behind each language: "16 Jun 2023" / "16 juin 2023", "1,000,000" / "1 000 000". */
export const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", fr: "fr-FR" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best supported language for an Accept-Language header ("fr-CH, fr;q=0.9, en;q=0.8"):
 * the highest q first, ties in the order given; a region falls back to its language; "*"
 * and unknown languages give nothing, so the caller's default applies.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranges = acceptLanguage
    .split(",")
    .slice(0, 32) // a header is short; a hostile one is not read to the end
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((range) => range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranges.map((range) => range.language).find(isLocale) ?? null;
}

/** A request's language: the signed-in user's choice, else the switch's cookie, else the browser's, else English. */
export function requestLocale({
  chosen,
  cookie,
  acceptLanguage,
}: {
  chosen: Locale | null | undefined;
  cookie: string | undefined;
  acceptLanguage: string | null;
}): Locale {
  if (chosen) return chosen;
  if (isLocale(cookie)) return cookie;
  return negotiateLocale(acceptLanguage) ?? DEFAULT_LOCALE;
}
