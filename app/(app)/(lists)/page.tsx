import type { Metadata } from "next";
import Link from "next/link";
import { formatNumber } from "@/lib/domain/format";
import {
  ConstraintsByPillarChart,
  EventsByKindChart,
  PeopleAffectedChart,
  StatusByCountryChart,
  StatusByTypeChart,
} from "@/components/charts/dashboard-charts";
import { constraintsByCountry, constraintsByMonthAndPillar } from "@/lib/data/constraints";
import { WorldMap } from "@/components/map/world-map";
import { PresenceStatusTable } from "@/components/tables/presence-status-table";
import { FilterBar } from "@/components/view/filter-bar";
import { HeadlineFigureCards } from "@/components/view/headline-figures";
import { AsOfNotice } from "@/components/view/view-heading";
import { requireActor } from "@/lib/auth/session";
import {
  eventsByMonthAndKind,
  headlineFigures,
  listRegions,
  mapData,
  peopleAffectedByMonth,
  statusByCountry,
  statusByOrganisationType,
} from "@/lib/data/dashboard";
import { listPresencesInView } from "@/lib/data/presences";
import { parseView, viewQuery, widerChartWindow, type SearchParams } from "@/lib/domain/view";
import { MAP_HEIGHT, MAP_WIDTH, worldOutlinesUrl, worldShapes } from "@/lib/map/world-shapes";

export const metadata: Metadata = { title: "Overview" };

/** The overview lists this many of the most severe presences; the Presences table has them all. */
const OVERVIEW_PRESENCES = 25;

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const view = parseView(await searchParams);
  const [figures, people, byCountry, byKind, byType, map, regions, presences, pillars, constraintCounts] = await Promise.all([
    headlineFigures(actor, view),
    peopleAffectedByMonth(actor, view),
    statusByCountry(actor, view),
    eventsByMonthAndKind(actor, view),
    statusByOrganisationType(actor, view),
    mapData(actor, view),
    listRegions(actor),
    listPresencesInView(actor, view, OVERVIEW_PRESENCES),
    constraintsByMonthAndPillar(actor, view),
    constraintsByCountry(actor, view),
  ]);
  const query = viewQuery(view);

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Who can still work where</h1>
        <AsOfNotice view={view} />
      </div>
      <FilterBar view={view} regions={regions} action="/" />
      <HeadlineFigureCards figures={figures} view={view} path="/" />
      <WorldMap
        shapes={worldShapes()}
        outlinesUrl={worldOutlinesUrl()}
        entries={map}
        width={MAP_WIDTH}
        height={MAP_HEIGHT}
        query={query}
        constraints={constraintCounts}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <div id="people-affected">
          <PeopleAffectedChart series={people} widerHref={`/${widerChartWindow(view)}#people-affected`} />
        </div>
        <StatusByCountryChart rows={byCountry} />
        <EventsByKindChart series={byKind} widerHref={`/${widerChartWindow(view)}#events-by-kind`} />
        <StatusByTypeChart rows={byType} />
        <div id="constraints-by-pillar">
          <ConstraintsByPillarChart series={pillars} widerHref={`/${widerChartWindow(view)}#constraints-by-pillar`} />
        </div>
      </div>
      <section id="presences" className="space-y-2">
        <h2 className="text-lg font-semibold">Organisations and their status</h2>
        <p className="text-sm text-slate-600">
          {presences.total > presences.rows.length ? (
            <>
              The {presences.rows.length} most severe of {formatNumber(presences.total)}
              {presences.totalIsLowerBound ? "+" : ""} matching presences.{" "}
              <Link href={`/presences${viewQuery(view, { from: undefined, to: undefined })}`} className="underline">
                See them all in the Presences table
              </Link>
              .
            </>
          ) : (
            `${presences.total} matching ${presences.total === 1 ? "presence" : "presences"}.`
          )}
        </p>
        <PresenceStatusTable rows={presences.rows} caption="Organisations and their status in this view" query={query} showCountry />
      </section>
    </div>
  );
}
