import "server-only";
import { db } from "@/lib/db";
import { readDb } from "./read-routing";
import { Prisma } from "@/lib/generated/prisma/client";
import { ISO3_CODE, type DatePrecision, type OrganisationType, type Status } from "@/lib/domain/vocabulary";
import type { View } from "@/lib/domain/view";
import { isoDate } from "@/lib/domain/partial-date";
import type { TableQuery } from "@/lib/domain/tables/query";
import { authorize, type Actor } from "@/lib/domain/actor";
import { listTablePage } from "./tables";
import type { SourceCitation } from "./citations";
import { presenceStatusCte } from "@/lib/data/projections/presence-status-sql";
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

/**
 * The `limit` most severe presences matching a view (filters and as-of date), with the
 * sources behind each status, and how many match in all. The matching, ordering and
 * counting are the presences table's query; the sources (with quotes and claims) come from
 * one more query over the events behind the statuses shown.
 */
export async function listPresencesInView(actor: Actor | null, view: View, limit: 25 | 50 | 100 | 200 = 100) {
  authorize(actor, "read");
  const { asOf, asOfExplicit, country, region, type, status } = view;
  const filters = Object.fromEntries(Object.entries({ country, region, type, status }).filter(([, value]) => value !== undefined));
  const query: TableQuery<"presences"> = {
    table: "presences",
    asOf,
    asOfExplicit,
    filters,
    sort: { column: "status", direction: "desc" },
    page: 1,
    pageSize: limit,
    columns: null,
  };
  const page = await listTablePage(actor, query);
  const citations = await citationsBehindStatus(
    actor,
    page.rows.map((row) => row.id),
    view.asOf,
  );
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
async function citationsBehindStatus(actor: Actor | null, presenceIds: number[], asOf: Date): Promise<Map<number, SourceCitation[]>> {
  const byPresence = new Map<number, SourceCitation[]>();
  if (presenceIds.length === 0) return byPresence;
  const links = await readDb(actor).$queryRaw<(SourceCitation & { presenceId: number })[]>`
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

export interface PresenceForEdit {
  id: number;
  version: number;
  organisation: { id: number; name: string };
  country: { iso3: string; name: string };
  status: string | null;
  since: string | null;
  sincePrecision: string | null;
  /** Sources an analyst may cite again: those already cited in this country, newest first. */
  sourceOptions: { id: number; label: string }[];
}

export async function getPresenceForEdit(actor: Actor | null, presenceId: number): Promise<PresenceForEdit | null> {
  authorize(actor, "editEvents");
  if (!Number.isSafeInteger(presenceId) || presenceId < 1) return null;
  const presence = await db().presence.findUnique({
    where: { id: presenceId },
    include: { organisation: { select: { id: true, name: true } }, country: { select: { iso3: true, nameEn: true } } },
  });
  if (!presence) return null;
  return {
    id: presence.id,
    version: presence.version,
    organisation: presence.organisation,
    country: { iso3: presence.country.iso3, name: presence.country.nameEn },
    status: presence.status,
    since: presence.since ? isoDate(presence.since) : null,
    sincePrecision: presence.sincePrecision,
    sourceOptions: await sourceOptionsIn(presence.countryIso3),
  };
}

/** Sources an analyst may cite again in a country: those already cited there, newest first. */
async function sourceOptionsIn(countryIso3: string): Promise<{ id: number; label: string }[]> {
  const sources = await db().source.findMany({
    where: { events: { some: { event: { countryIso3 } } } },
    orderBy: [{ publishedOn: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    take: 200,
    select: { id: true, publisher: true, title: true, publishedOn: true },
  });
  return sources.map((s) => ({ id: s.id, label: `${s.publisher}: ${s.title}${s.publishedOn ? ` (${isoDate(s.publishedOn)})` : ""}` }));
}

export interface NewPresenceContext {
  /** The presence when the organisation is already recorded in the country: offered instead. */
  existing: { id: number; status: Status | null; since: string | null; sincePrecision: DatePrecision | null } | null;
  sourceOptions: { id: number; label: string }[];
}

/** What "Add to a country" needs once an organisation and a country are chosen. */
export async function getNewPresenceContext(actor: Actor | null, organisationId: number, countryIso3: string): Promise<NewPresenceContext> {
  authorize(actor, "editEvents");
  const presence = await db().presence.findUnique({ where: { organisationId_countryIso3: { organisationId, countryIso3 } } });
  return {
    existing: presence
      ? {
          id: presence.id,
          status: presence.status as Status | null,
          since: presence.since ? isoDate(presence.since) : null,
          sincePrecision: presence.sincePrecision as DatePrecision | null,
        }
      : null,
    sourceOptions: await sourceOptionsIn(countryIso3),
  };
}

export interface ConstraintContext {
  country: { iso3: string; name: string };
  /** The organisations recorded in the country, by name: the ones a constraint may name. */
  organisations: { id: number; name: string; acronym: string | null; type: OrganisationType }[];
  areas: { code: string; name: string }[];
  sourceOptions: { id: number; label: string }[];
}

/** What "Record a constraint" on a country needs; null for an unknown country. */
export async function getConstraintContext(actor: Actor | null, iso3Param: string): Promise<ConstraintContext | null> {
  authorize(actor, "editEvents");
  const iso3 = iso3Param.toUpperCase();
  if (!ISO3_CODE.test(iso3)) return null;
  const country = await db().country.findUnique({ where: { iso3 }, select: { iso3: true, nameEn: true } });
  if (!country) return null;
  const [presences, areas, sourceOptions] = await Promise.all([
    db().presence.findMany({
      where: { countryIso3: iso3 },
      select: { organisation: { select: { id: true, name: true, acronym: true, type: true } } },
      orderBy: { organisation: { name: "asc" } },
      take: 2000,
    }),
    db().area.findMany({ where: { countryIso3: iso3 }, orderBy: { name: "asc" }, select: { code: true, name: true } }),
    sourceOptionsIn(iso3),
  ]);
  return { country: { iso3, name: country.nameEn }, organisations: presences.map((p) => p.organisation), areas, sourceOptions };
}

/** A presence's organisation and country, or null when it no longer exists (removed by a merge). */
export async function presenceKey(actor: Actor | null, presenceId: number): Promise<{ organisationId: number; countryIso3: string } | null> {
  authorize(actor, "read");
  return db().presence.findUnique({ where: { id: presenceId }, select: { organisationId: true, countryIso3: true } });
}
