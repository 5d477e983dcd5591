import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DatePrecision, OrganisationType, Status } from "@/lib/domain/vocabulary";
import type { View } from "@/lib/domain/view";
import { isoDate } from "@/lib/domain/partial-date";
import { parseTableQuery } from "@/lib/domain/tables/query";
import { authorize, type Actor } from "./actor";
import { listTablePage } from "./tables";
import type { SourceCitation } from "./citations";
import { presenceStatusCte } from "./presence-status-sql";
import { inRun } from "./tables/presences-table";

export type { SourceCitation };

export interface PresenceSummary {
  presenceId: number;
  organisation: { id: number; name: string; acronym: string | null; type: OrganisationType };
  country: { iso3: string; name: string };
  status: Status | null;
  since: Date | null;
  sincePrecision: DatePrecision | null;
  peopleAffected: number | null;
  /** True when an event behind the current status is disputed between sources. */
  disputed: boolean;
  /** The sources of the events behind the current status, each with what it claims. */
  sources: SourceCitation[];
}

export async function getOrganisation(actor: Actor | null, id: number) {
  authorize(actor, "read");
  if (!Number.isSafeInteger(id) || id < 1) return null;
  return db().organisation.findUnique({ where: { id }, select: { id: true, name: true, acronym: true, type: true, iatiId: true, website: true, updatedAt: true } });
}

export async function getCountry(actor: Actor | null, iso3: string) {
  authorize(actor, "read");
  if (!/^[A-Za-z]{3}$/.test(iso3)) return null;
  return db().country.findUnique({ where: { iso3: iso3.toUpperCase() } });
}

/**
 * The `limit` most severe presences matching a view (filters and as-of date), with the
 * sources behind each status, and how many match in all. The matching, ordering and
 * counting are the presences table's query; the sources (with quotes and claims) come from
 * one more query over the events behind the statuses shown.
 */
export async function listPresencesInView(actor: Actor | null, view: View, limit: 25 | 50 | 100 | 200 = 100) {
  authorize(actor, "read");
  const params: Record<string, string> = { sort: "status", dir: "desc", size: String(limit), asOf: isoDate(view.asOf) };
  for (const key of ["country", "region", "type", "status"] as const) {
    if (view[key]) params[key] = view[key];
  }
  const page = await listTablePage(actor, parseTableQuery("presences", params));
  const citations = await citationsBehindStatus(page.rows.map((row) => row.id), view.asOf);
  const rows = page.rows.map((row): PresenceSummary => ({
    presenceId: row.id,
    organisation: { id: row.organisationId, name: row.organisationName, acronym: row.organisationAcronym, type: row.organisationType },
    country: { iso3: row.countryIso3, name: row.countryName },
    status: row.status,
    since: new Date(`${row.since}T00:00:00Z`),
    sincePrecision: row.sincePrecision,
    peopleAffected: row.peopleAffected,
    disputed: row.disputed,
    sources: citations.get(row.id) ?? [],
  }));
  return { rows, total: page.total, totalIsLowerBound: page.totalIsLowerBound };
}

/**
 * Per presence, the sources of the events behind its status as of a date, each source once
 * (with the quote and claim of its first citation, events in id order).
 */
async function citationsBehindStatus(presenceIds: number[], asOf: Date): Promise<Map<number, SourceCitation[]>> {
  const byPresence = new Map<number, SourceCitation[]>();
  if (presenceIds.length === 0) return byPresence;
  const links = await db().$queryRaw<(SourceCitation & { presenceId: number })[]>`
    WITH ${presenceStatusCte(asOf)}
    SELECT p.id AS "presenceId", so.id AS "sourceId", so.publisher, so.title, so.url, so."publishedOn",
           so."publishedPrecision"::text AS "publishedPrecision", es.quote, es.claim
    FROM presence_status s
    JOIN "Presence" p ON p.id = s.presence_id
    JOIN "AccessEvent" re ON ${inRun(asOf)}
    JOIN "EventSource" es ON es."eventId" = re.id
    JOIN "Source" so ON so.id = es."sourceId"
    WHERE s.presence_id IN (${Prisma.join(presenceIds)})
    ORDER BY p.id, re.id, so.id`;
  for (const { presenceId, ...citation } of links) {
    const sources = byPresence.get(presenceId) ?? [];
    if (!sources.some((source) => source.sourceId === citation.sourceId)) sources.push(citation);
    byPresence.set(presenceId, sources);
  }
  return byPresence;
}
