// Whom an event concerns, in words; apart from constraints.ts so that the tables in the browser need not load the vocabulary.
import { vocabularyLabels, type OrganisationType } from "./vocabulary";
import { DEFAULT_LOCALE, type Locale } from "./locales";

/** Who an event concerns, in words: its organisation, the organisations or types a country-level constraint names, or the whole country. */
export function concernsLabel(
  event: {
    organisationName: string | null;
    concernedOrganisations: readonly { name: string }[];
    concernedTypes: readonly OrganisationType[];
  },
  locale: Locale = DEFAULT_LOCALE,
): string {
  const types = vocabularyLabels(locale).organisationType;
  const fr = locale === "fr";
  if (event.organisationName) return event.organisationName;
  if (event.concernedOrganisations.length) return event.concernedOrganisations.map((o) => o.name).join("; ");
  if (event.concernedTypes.length) {
    const named = event.concernedTypes.map((t) => types[t]).join(fr ? " ou " : " or ");
    return fr ? `Toute organisation du pays de type ${named}` : `Every ${named} in the country`;
  }
  return fr ? "Tout le pays" : "Whole country";
}
