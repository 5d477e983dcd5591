// A source as cited by an event: the one shape for loading and showing citations, used by
// presences (sources behind a status) and timelines (sources of each event).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DatePrecision } from "@/lib/domain/vocabulary";

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

/** Include an event's sources in a fixed order. */
export const CITATIONS_INCLUDE = {
  sources: { include: { source: true }, orderBy: { sourceId: "asc" } },
} satisfies Prisma.AccessEventInclude;

type CitationLink = Prisma.AccessEventGetPayload<{ include: typeof CITATIONS_INCLUDE }>["sources"][number];

export function toCitation(link: CitationLink): SourceCitation {
  const { source } = link;
  return {
    sourceId: source.id,
    publisher: source.publisher,
    title: source.title,
    url: source.url,
    publishedOn: source.publishedOn,
    publishedPrecision: source.publishedPrecision,
    quote: link.quote,
    claim: link.claim,
  };
}
