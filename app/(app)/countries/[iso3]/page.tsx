import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConstraintsByPillarChart, EventsByKindChart, PeopleAffectedChart } from "@/components/charts/dashboard-charts";
import { IndicatorTable } from "@/components/constraints/indicator-table";
import { AreaMap } from "@/components/map/area-map";
import { constraintsByMonthAndPillar, countryConstraints } from "@/lib/data/constraints";
import { areasOf } from "@/lib/domain/areas";
import { formatNumber } from "@/lib/domain/format";
import { formatIsoDate } from "@/lib/domain/partial-date";
import { areaShapes } from "@/lib/map/area-shapes";
import { EventTimeline } from "@/components/events/event-timeline";
import { TableView } from "@/components/tables/table-view";
import { AsOfNotice } from "@/components/view/view-heading";
import { LastChanged } from "@/components/view/last-changed";
import { lastChange } from "@/lib/data/last-change";
import { requireActor } from "@/lib/auth/session";
import { FollowButton } from "@/components/watchlist/follow-button";
import { eventsByMonthAndKind, peopleAffectedByMonth } from "@/lib/data/dashboard";
import { getCountry } from "@/lib/data/countries";
import { listTimeline, TIMELINE_LIMIT } from "@/lib/data/timeline";
import type { Actor } from "@/lib/domain/actor";
import { can } from "@/lib/domain/permissions";
import { asOfOnly, isoDate, parseView, viewQuery, widerChartWindow, type SearchParams, type View } from "@/lib/domain/view";

type Props = { params: Promise<{ iso3: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).iso3.toUpperCase() };
}

export default async function CountryPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const country = await getCountry(actor, (await params).iso3);
  if (!country) notFound();
  const tableParams = await searchParams;
  const view = asOfOnly(parseView(tableParams));
  const query = viewQuery(view);

  // The sections below are async components of their own, so React runs their queries at
  // the same time instead of one after the other.
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p className="text-sm text-slate-500">
          <Link href={`/${query}`} className="underline">
            Overview
          </Link>{" "}
          / {country.region}
        </p>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">
            {country.nameEn}{" "}
            <span className="text-base font-normal text-slate-500">
              ({country.iso3} · {country.nameFr})
            </span>
          </h1>
          <FollowButton actor={actor} filters={{ country: country.iso3 }} what={country.nameEn} />
        </div>
        <CountryLastChanged actor={actor} iso3={country.iso3} />
        <AsOfNotice view={view} />
        {typeof tableParams.saved === "string" && /^\d+$/.test(tableParams.saved) && (
          <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            {tableParams.draft === "1" ? "Saved as a draft: it counts nowhere until someone publishes it." : "Status change saved."}{" "}
            <Link href={`/events/${tableParams.saved}`} className="underline">
              {tableParams.draft === "1" ? "See the draft" : "See the new event"}
            </Link>
            .
          </p>
        )}
        {typeof tableParams.constraint === "string" && /^\d+$/.test(tableParams.constraint) && (
          <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            {tableParams.draft === "1" ? "Constraint saved as a draft: it counts nowhere until someone publishes it." : "Constraint recorded."}{" "}
            <Link href={`/events/${tableParams.constraint}`} className="underline">
              See the event
            </Link>
            .
          </p>
        )}
      </div>
      <section className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-lg font-semibold">Organisations</h2>
          {can(actor.role, "editOrganisations") && can(actor.role, "editEvents") && (
            <Link href={`/presences/new?country=${country.iso3}`} className="text-sm font-medium text-slate-900 underline">
              Add an organisation in {country.nameEn}…
            </Link>
          )}
        </div>
        <TableView
          actor={actor}
          table="presences"
          params={tableParams}
          basePath={`/countries/${country.iso3}`}
          noun="organisations"
          caption={`Organisations in ${country.nameEn} and their status`}
          fixed={{ country: country.iso3 }}
          emptyHint={`No organisation with a status is recorded in ${country.nameEn} up to this date. Analysts can add one with its first sourced event.`}
        />
      </section>
      <section className="space-y-3" aria-labelledby="constraints-title">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="constraints-title" className="text-lg font-semibold">
            Access constraints
          </h2>
          {can(actor.role, "editEvents") && (
            <Link href={`/countries/${country.iso3}/constraints/new`} className="text-sm font-medium text-slate-900 underline">
              Record a constraint in {country.nameEn}…
            </Link>
          )}
        </div>
        <CountryConstraints actor={actor} iso2={country.iso2} iso3={country.iso3} name={country.nameEn} view={view} query={query} />
      </section>
      <CountryCharts actor={actor} view={{ ...view, country: country.iso3 }} />
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Timeline</h2>
        <CountryTimeline actor={actor} iso3={country.iso3} asOf={view.asOf} query={query} />
      </section>
    </div>
  );
}

async function CountryLastChanged({ actor, iso3 }: { actor: Actor; iso3: string }) {
  return <LastChanged change={await lastChange(actor, { countryIso3: iso3 })} />;
}

async function CountryCharts({ actor, view }: { actor: Actor; view: View }) {
  const [people, kinds, pillars] = await Promise.all([
    peopleAffectedByMonth(actor, view),
    eventsByMonthAndKind(actor, view),
    constraintsByMonthAndPillar(actor, view),
  ]);
  const wider = `/countries/${view.country}${widerChartWindow(view)}`;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <PeopleAffectedChart series={people} widerHref={wider} />
      <EventsByKindChart series={kinds} widerHref={wider} />
      <ConstraintsByPillarChart series={pillars} widerHref={wider} />
    </div>
  );
}

/** The area map and the nine indicators, from every constraint event up to the view date. */
async function CountryConstraints({
  actor,
  iso2,
  iso3,
  name,
  view,
  query,
}: {
  actor: Actor;
  iso2: string;
  iso3: string;
  name: string;
  view: View;
  query: string;
}) {
  const summary = await countryConstraints(actor, iso3, view);
  const period = `up to ${formatIsoDate(isoDate(view.asOf))}`;
  const eventsQuery = (extra: string) => `/events?country=${iso3}&${extra}${query ? `&${query.slice(1)}` : ""}`;
  const areas = areasOf(iso3).map((a) => ({ code: a.code, name: a.name, events: summary.byArea[a.code] ?? 0, href: eventsQuery(`area=${a.code}`) }));
  return (
    <>
      <p className="text-sm text-slate-600" data-testid="constraint-total">
        {summary.total === 0
          ? `No access-constraint event is recorded in ${name} ${period}.`
          : `${formatNumber(summary.total)} access-constraint event${summary.total === 1 ? "" : "s"} ${period}, ${formatNumber(summary.countryWide)} of them country-wide (in no particular area).`}
      </p>
      <div className="grid gap-4 xl:grid-cols-2">
        <AreaMap shapes={areaShapes(iso2)} areas={areas} countryName={name} period={period} />
        <IndicatorTable rows={summary.indicators} period={period} eventsHref={(category) => eventsQuery(`category=${category}`)} />
      </div>
    </>
  );
}

async function CountryTimeline({ actor, iso3, asOf, query }: { actor: Actor; iso3: string; asOf: Date; query: string }) {
  const timeline = await listTimeline(actor, { countryIso3: iso3 }, asOf);
  return (
    <>
      <EventTimeline events={timeline.events} query={query} />
      {timeline.more && (
        <p className="text-sm text-slate-600">
          The {TIMELINE_LIMIT} latest events are shown.{" "}
          <Link href={`/events?country=${iso3}${query ? `&${query.slice(1)}` : ""}`} className="underline">
            See every event in the Events table
          </Link>
          .
        </p>
      )}
    </>
  );
}
