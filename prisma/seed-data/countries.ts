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

export function allCountries(): SeedCountry[] {
  const regions = new Map(worldCountries.map((c) => [c.cca2, { region: c.region, subregion: c.subregion || null }]));
  return Object.entries(countries.getAlpha3Codes())
    .map(([iso3, iso2]) => ({
      iso3,
      iso2,
      nameEn: countries.getName(iso3, "en") ?? iso3,
      nameFr: countries.getName(iso3, "fr") ?? iso3,
      region: regions.get(iso2)?.region ?? "Unknown",
      subregion: regions.get(iso2)?.subregion ?? null,
    }))
    .sort((a, b) => a.iso3.localeCompare(b.iso3));
}
