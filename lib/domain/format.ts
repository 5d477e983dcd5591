// How numbers are written everywhere in the app: "2,000,000".
const numberFormat = new Intl.NumberFormat("en-GB");

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/**
 * "ICRC in Niger"; but an organisation whose name already says where it is ("Embassy of
 * France in Niger", "UN Mission in Mali") is not placed there twice.
 */
export function presenceName(organisation: string, country: string): string {
  return organisation.toLocaleLowerCase("en-GB").endsWith(` in ${country.toLocaleLowerCase("en-GB")}`) ? organisation : `${organisation} in ${country}`;
}
