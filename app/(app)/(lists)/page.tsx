import type { Metadata } from "next";
import Link from "next/link";
import { getCountryName, getFormat, getTranslations } from "@/lib/i18n/server";
import {
  ConstraintsByPillarChart,
  EventsByKindChart,
  PeopleAffectedChart,
  StatusByCountryChart,
  StatusByTypeChart,
} from "@/components/charts/dashboard-charts";
import { constraintsByCountry, constraintsByMonthAndPillar } from "@/lib/data/constraints";
import { WorldMap } from "@/components/map/world-map";
import { AssessmentRanking } from "@/components/assessments/assessment-ranking";
import { assessmentRanking, levelsByCountry } from "@/lib/data/assessments";
import { endOfDay } from "@/lib/domain/partial-date";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

/** The overview lists this many of the most severe presences; the Presences table has them all. */
const OVERVIEW_PRESENCES = 25;

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const view = parseView(params);
  const [figures, people, byCountry, byKind, byType, map, regions, presences, pillars, constraintCounts, ranked] = await Promise.all([
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
    // As of a day: what was published by its end.
    assessmentRanking(actor, endOfDay(view.asOf)),
  ]);
  const query = viewQuery(view);
  const levels = levelsByCountry(ranked);
  const [t, f, countryName] = [await getTranslations("overview"), await getFormat(), await getCountryName()];
  // Countries named in the page's language (the data layer names them in English).
  const named = <R extends { iso3: string; name: string }>(rows: R[]) => rows.map((row) => ({ ...row, name: countryName(row.iso3, row.name) }));
  const shapes = worldShapes().map((shape) => (shape.iso3 ? { ...shape, name: countryName(shape.iso3, shape.name) } : shape));

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
        <AsOfNotice view={view} />
      </div>
      <FilterBar view={view} regions={regions} action="/" />
      <HeadlineFigureCards figures={figures} view={view} path="/" />
      <WorldMap
        shapes={shapes}
        outlinesUrl={worldOutlinesUrl()}
        entries={named(map)}
        width={MAP_WIDTH}
        height={MAP_HEIGHT}
        query={query}
        constraints={constraintCounts}
        levels={levels}
      />
      <AssessmentRanking ranked={ranked} query={query} all={params.ranking === "all"} />
      <div className="grid gap-4 lg:grid-cols-2">
        <div id="people-affected">
          <PeopleAffectedChart series={people} widerHref={`/${widerChartWindow(view)}#people-affected`} />
        </div>
        <StatusByCountryChart rows={named(byCountry)} />
        <EventsByKindChart series={byKind} widerHref={`/${widerChartWindow(view)}#events-by-kind`} />
        <StatusByTypeChart rows={byType} />
        <div id="constraints-by-pillar">
          <ConstraintsByPillarChart series={pillars} widerHref={`/${widerChartWindow(view)}#constraints-by-pillar`} />
        </div>
      </div>
      <section id="presences" className="space-y-2">
        <h2 className="text-lg font-semibold">{t("presencesHeading")}</h2>
        <p className="text-sm text-slate-600">
          {presences.total > presences.rows.length ? (
            <>
              {t("mostSevere", { shown: presences.rows.length, total: `${f.number(presences.total)}${presences.totalIsLowerBound ? "+" : ""}` })}{" "}
              <Link href={`/presences${viewQuery(view, { from: undefined, to: undefined })}`} className="underline">
                {t("seeAll")}
              </Link>
              .
            </>
          ) : (
            t("matching", { count: presences.total })
          )}
        </p>
        <PresenceStatusTable rows={presences.rows} caption={t("tableCaption")} query={query} showCountry />
      </section>
    </div>
  );
}
