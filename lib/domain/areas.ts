// First-level subdivisions of every country (ISO 3166-2 codes, CLDR English names), as built
// by `npm run build:areas` into lib/map/areas/areas.json. Server-side: the file is 380 kB, so
// pages hand a client component only the areas of the country it shows.
import list from "@/lib/map/areas/areas.json" with { type: "json" };

export interface AreaEntry {
  /** ISO 3166-2, e.g. "NE-6". */
  code: string;
  iso3: string;
  name: string;
  /** Whether a Natural Earth boundary ships for it (the country map draws only those). */
  hasBoundary: boolean;
}

export const ALL_AREAS: readonly AreaEntry[] = list as AreaEntry[];

export { AREA_CODE } from "./area-code";

const byCode = new Map(ALL_AREAS.map((area) => [area.code, area]));
const byCountry = new Map<string, AreaEntry[]>();
for (const area of ALL_AREAS) byCountry.set(area.iso3, [...(byCountry.get(area.iso3) ?? []), area]);

/** The area with this code (case-insensitive), or undefined. */
export const areaByCode = (code: string): AreaEntry | undefined => byCode.get(code.trim().toUpperCase());

/** A country's areas, by name. */
export const areasOf = (iso3: string): AreaEntry[] => [...(byCountry.get(iso3.toUpperCase()) ?? [])].sort((a, b) => a.name.localeCompare(b.name, "en"));

/**
 * Why these codes cannot be a country's areas, or null: each must be one of its first-level
 * areas, and none twice.
 */
export function areaCodesProblem(iso3: string, codes: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const raw of codes) {
    const code = raw.trim().toUpperCase();
    const area = byCode.get(code);
    if (!area) return `${raw} is not an ISO 3166-2 first-level area code (e.g. NE-6 for Tillabéri)`;
    if (area.iso3 !== iso3.toUpperCase()) return `${code} (${area.name}) is not in this country`;
    if (seen.has(code)) return `${code} is listed twice`;
    seen.add(code);
  }
  return null;
}
