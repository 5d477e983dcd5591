// How numbers are written everywhere in the app: "2,000,000".
const numberFormat = new Intl.NumberFormat("en-GB");

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}
