import "server-only";
import { db } from "@/lib/db";
import { projectPresence } from "@/lib/domain/presence-projection";
import { STATUS_SEVERITY, type Confidence, type DatePrecision, type OrganisationType, type Status } from "@/lib/domain/vocabulary";
import { authorize, type Actor } from "./actor";

export interface SourceCitation {
  sourceId: number;
  publisher: string;
  title: string;
  url: string | null;
  publishedOn: Date | null;
  publishedPrecision: DatePrecision | null;
  quote: string | null;
  claim: string | null;
}

export interface PresenceSummary {
  presenceId: number;
  organisation: { id: number; name: string; acronym: string | null; type: OrganisationType };
  status: Status | null;
  since: Date | null;
  sincePrecision: DatePrecision | null;
  peopleAffected: number | null;
  /** True when an event behind the current status is disputed between sources. */
  disputed: boolean;
  /** The sources of the events behind the current status, each with what it claims. */
  sources: SourceCitation[];
}

/** Every presence in a country with its current status and the sources behind it. */
export async function listCountryPresences(actor: Actor | null, iso3: string): Promise<PresenceSummary[]> {
  authorize(actor, "read");
  const presences = await db().presence.findMany({
    where: { countryIso3: iso3.toUpperCase() },
    include: {
      organisation: { select: { id: true, name: true, acronym: true, type: true } },
      events: {
        where: { reviewState: "PUBLISHED" },
        include: { sources: { include: { source: true }, orderBy: { sourceId: "asc" } } },
      },
    },
  });

  const summaries = presences.map((presence): PresenceSummary => {
    const projection = projectPresence(presence.events);
    const statusEvents = presence.events.filter((e) => projection.statusEventIds.includes(e.id));
    const confidences: Confidence[] = statusEvents.map((e) => e.confidence);
    const sources = new Map<number, SourceCitation>();
    for (const event of statusEvents) {
      for (const link of event.sources) {
        if (sources.has(link.sourceId)) continue;
        const { source } = link;
        sources.set(link.sourceId, {
          sourceId: source.id,
          publisher: source.publisher,
          title: source.title,
          url: source.url,
          publishedOn: source.publishedOn,
          publishedPrecision: source.publishedPrecision,
          quote: link.quote,
          claim: link.claim,
        });
      }
    }
    return {
      presenceId: presence.id,
      organisation: presence.organisation,
      status: presence.status,
      since: presence.since,
      sincePrecision: presence.sincePrecision,
      peopleAffected: presence.peopleAffected,
      disputed: confidences.includes("DISPUTED"),
      sources: [...sources.values()],
    };
  });

  return summaries.sort(
    (a, b) =>
      (b.status ? STATUS_SEVERITY[b.status] : -1) - (a.status ? STATUS_SEVERITY[a.status] : -1) ||
      a.organisation.name.localeCompare(b.organisation.name),
  );
}

export async function getCountryName(actor: Actor | null, iso3: string): Promise<string | null> {
  authorize(actor, "read");
  const country = await db().country.findUnique({ where: { iso3: iso3.toUpperCase() }, select: { nameEn: true } });
  return country?.nameEn ?? null;
}
