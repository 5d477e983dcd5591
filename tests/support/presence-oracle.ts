// A test oracle: each presence's status as of a date computed straight from its events by
// the domain's projection rule (lib/domain/presence-projection.ts), with the sources behind
// it, in the tables' order. The app reads the same facts from its projections and SQL;
// tests compare the two. No page runs this.
import type { PrismaClient } from "@/lib/db";
import { CITATIONS_INCLUDE, toCitation, type SourceCitation } from "@/lib/data/citations";
import type { PresenceSummary } from "@/lib/data/presences";
import { projectPresence } from "@/lib/domain/presence-projection";
import { STATUS_SEVERITY } from "@/lib/domain/vocabulary";

const INCLUDE = {
  organisation: { select: { id: true, name: true, acronym: true, type: true } },
  country: { select: { iso3: true, nameEn: true } },
  events: { where: { reviewState: "PUBLISHED" as const }, include: CITATIONS_INCLUDE, orderBy: { id: "asc" as const } },
};

/** Every presence in a country with a status as of `asOf` (default: now), most severe first. */
export async function expectedCountryPresences(prisma: PrismaClient, iso3: string, asOf?: Date): Promise<PresenceSummary[]> {
  const presences = await prisma.presence.findMany({ where: { countryIso3: iso3 }, include: INCLUDE });
  const summaries = presences.flatMap((presence): PresenceSummary[] => {
    const projection = projectPresence(presence.events, asOf);
    if (!projection.status) return [];
    const statusEvents = presence.events.filter((e) => projection.statusEventIds.includes(e.id));
    const sources = new Map<number, SourceCitation>();
    for (const link of statusEvents.flatMap((e) => e.sources)) if (!sources.has(link.sourceId)) sources.set(link.sourceId, toCitation(link));
    return [
      {
        presenceId: presence.id,
        organisation: presence.organisation,
        country: { iso3: presence.country.iso3, name: presence.country.nameEn },
        status: projection.status,
        since: projection.since,
        sincePrecision: projection.sincePrecision,
        peopleAffected: projection.peopleAffected,
        disputed: statusEvents.some((e) => e.confidence === "DISPUTED"),
        sources: [...sources.values()],
      },
    ];
  });
  return summaries.sort(
    (a, b) =>
      STATUS_SEVERITY[b.status!] - STATUS_SEVERITY[a.status!] ||
      a.organisation.name.localeCompare(b.organisation.name) ||
      a.country.name.localeCompare(b.country.name),
  );
}
