// Every ISO 3166-1 country: codes and English/French names from i18n-iso-countries,
// region and subregion (UN geoscheme) from world-countries, matched on alpha-2 (the two
// packages give Kosovo different alpha-3 codes, XKK and XKX).
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json" with { type: "json" };
import fr from "i18n-iso-countries/langs/fr.json" with { type: "json" };
// The JSON itself, not the package entry: its ESM entry imports JSON without the import
// attribute that Node requires, which fails outside bundlers.
import worldCountries from "world-countries/countries.json" with { type: "json" };

countries.registerLocale(en);
countries.registerLocale(fr);

export interface SeedCountry {
  iso3: string;
  iso2: string;
  nameEn: string;
  nameFr: string;
  region: string;
  subregion: string | null;
}

const fold = (name: string) => name.normalize("NFD").replace(/\p{M}/gu, "");
const marks = (name: string) => name.normalize("NFD").length - fold(name).length;

/**
 * The English name as written, with its accents: i18n-iso-countries's first English name
 * for CIV is "Cote d'Ivoire" and "Côte d'Ivoire" only an alternative. The alternative
 * that is the same name with more accents wins.
 */
function englishName(iso3: string): string {
  const names = [countries.getName(iso3, "en", { select: "all" }) ?? []].flat();
  const first = names[0] ?? iso3;
  return names.filter((n) => fold(n) === fold(first)).reduce((best, n) => (marks(n) > marks(best) ? n : best), first);
}

export function allCountries(): SeedCountry[] {
  const regions = new Map(worldCountries.map((c) => [c.cca2, { region: c.region, subregion: c.subregion || null }]));
  return Object.entries(countries.getAlpha3Codes())
    .map(([iso3, iso2]) => ({
      iso3,
      iso2,
      nameEn: englishName(iso3),
      nameFr: countries.getName(iso3, "fr") ?? iso3,
      region: regions.get(iso2)?.region ?? "Unknown",
      subregion: regions.get(iso2)?.subregion ?? null,
    }))
    .sort((a, b) => a.iso3.localeCompare(b.iso3));
}
