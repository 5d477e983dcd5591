// Whom an event concerns, in words; apart from constraints.ts so that the tables in the browser need not load the vocabulary.
import { ORGANISATION_TYPE_LABELS, type OrganisationType } from "./vocabulary";

/** Who an event concerns, in words: its organisation, the organisations or types a country-level constraint names, or the whole country. */
export function concernsLabel(event: {
  organisationName: string | null;
  concernedOrganisations: readonly { name: string }[];
  concernedTypes: readonly OrganisationType[];
}): string {
  if (event.organisationName) return event.organisationName;
  if (event.concernedOrganisations.length) return event.concernedOrganisations.map((o) => o.name).join("; ");
  if (event.concernedTypes.length) return `Every ${event.concernedTypes.map((t) => ORGANISATION_TYPE_LABELS[t]).join(" or ")} in the country`;
  return "Whole country";
}
