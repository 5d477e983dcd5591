import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConstraintsByPillarChart, EventsByKindChart, PeopleAffectedChart } from "@/components/charts/dashboard-charts";
import { IndicatorTable } from "@/components/constraints/indicator-table";
import { AreaMap } from "@/components/map/area-map";
import { CountryAssessments } from "@/components/assessments/country-assessments";
import { constraintsByMonthAndPillar, countryConstraints } from "@/lib/data/constraints";
import { areasOf } from "@/lib/domain/areas";
import { getFormat, getTranslations } from "@/lib/i18n/server";
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
  const [t, ta, f] = [await getTranslations("country"), await getTranslations("countryAssessments"), await getFormat()];
  // The country in the page's language first, the other name beside its code.
  const [name, otherName] = f.locale === "fr" ? [country.nameFr || country.nameEn, country.nameEn] : [country.nameEn, country.nameFr];

  // The sections below are async components of their own, so React runs their queries at
  // the same time instead of one after the other.
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p className="text-sm text-slate-500">
          <Link href={`/${query}`} className="underline">
            {t("overview")}
          </Link>{" "}
          / {country.region}
        </p>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">
            {name}{" "}
            <span className="text-base font-normal text-slate-500">({otherName && otherName !== name ? `${country.iso3} · ${otherName}` : country.iso3})</span>
          </h1>
          <FollowButton actor={actor} filters={{ country: country.iso3 }} what={name} />
        </div>
        <CountryLastChanged actor={actor} iso3={country.iso3} />
        <AsOfNotice view={view} />
        {typeof tableParams.saved === "string" && /^\d+$/.test(tableParams.saved) && (
          <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            {tableParams.draft === "1" ? t("savedDraft") : t("statusSaved")}{" "}
            <Link href={`/events/${tableParams.saved}`} className="underline">
              {tableParams.draft === "1" ? t("seeDraft") : t("seeNewEvent")}
            </Link>
            .
          </p>
        )}
        {typeof tableParams.constraint === "string" && /^\d+$/.test(tableParams.constraint) && (
          <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            {tableParams.draft === "1" ? t("constraintDraft") : t("constraintRecorded")}{" "}
            <Link href={`/events/${tableParams.constraint}`} className="underline">
              {t("seeEvent")}
            </Link>
            .
          </p>
        )}
      </div>
      <section className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-lg font-semibold">{t("organisations")}</h2>
          {can(actor.role, "editOrganisations") && can(actor.role, "editEvents") && (
            <Link href={`/presences/new?country=${country.iso3}`} className="text-sm font-medium text-slate-900 underline">
              {t("addOrganisation", { country: name })}
            </Link>
          )}
        </div>
        <TableView
          actor={actor}
          table="presences"
          params={tableParams}
          basePath={`/countries/${country.iso3}`}
          noun="organisations"
          caption={t("tableCaption", { country: name })}
          fixed={{ country: country.iso3 }}
          emptyHint={t("emptyHint", { country: name })}
        />
      </section>
      <section className="space-y-3" aria-labelledby="constraints-title">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="constraints-title" className="text-lg font-semibold">
            {t("constraints")}
          </h2>
          {can(actor.role, "editEvents") && (
            <Link href={`/countries/${country.iso3}/constraints/new`} className="text-sm font-medium text-slate-900 underline">
              {t("recordConstraint", { country: name })}
            </Link>
          )}
        </div>
        <CountryConstraints actor={actor} iso2={country.iso2} iso3={country.iso3} name={name} view={view} query={query} />
      </section>
      {typeof tableParams.assessment === "string" && /^\d+$/.test(tableParams.assessment) && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {tableParams.draft === "1" ? ta("savedDraft") : ta("saved")}
        </p>
      )}
      <CountryAssessments actor={actor} iso3={country.iso3} name={name} asOf={view.asOf} />
      <CountryCharts actor={actor} view={{ ...view, country: country.iso3 }} />
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("timeline")}</h2>
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
  const [summary, t, f] = [await countryConstraints(actor, iso3, view), await getTranslations("country"), await getFormat()];
  const period = t("period", { date: f.isoDate(isoDate(view.asOf)) });
  const eventsQuery = (extra: string) => `/events?country=${iso3}&${extra}${query ? `&${query.slice(1)}` : ""}`;
  const areas = areasOf(iso3).map((a) => ({ code: a.code, name: a.name, events: summary.byArea[a.code] ?? 0, href: eventsQuery(`area=${a.code}`) }));
  return (
    <>
      <p className="text-sm text-slate-600" data-testid="constraint-total">
        {summary.total === 0
          ? t("noConstraint", { country: name, period })
          : t("constraintTotal", { total: summary.total, period, countryWide: f.number(summary.countryWide) })}
      </p>
      <div className="grid gap-4 xl:grid-cols-2">
        <AreaMap shapes={areaShapes(iso2)} areas={areas} countryName={name} period={period} />
        <IndicatorTable rows={summary.indicators} period={period} eventsHref={(category) => eventsQuery(`category=${category}`)} />
      </div>
    </>
  );
}

async function CountryTimeline({ actor, iso3, asOf, query }: { actor: Actor; iso3: string; asOf: Date; query: string }) {
  const [timeline, t] = [await listTimeline(actor, { countryIso3: iso3 }, asOf), await getTranslations("country")];
  return (
    <>
      <EventTimeline events={timeline.events} query={query} />
      {timeline.more && (
        <p className="text-sm text-slate-600">
          {t("latestShown", { count: TIMELINE_LIMIT })}{" "}
          <Link href={`/events?country=${iso3}${query ? `&${query.slice(1)}` : ""}`} className="underline">
            {t("seeEveryEvent")}
          </Link>
          .
        </p>
      )}
    </>
  );
}
