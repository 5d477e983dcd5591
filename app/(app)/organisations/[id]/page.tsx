import type { Metadata } from "next";
import { getFormat, getTranslations } from "@/lib/i18n/server";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { EventTimeline } from "@/components/events/event-timeline";
import { OrganisationDetailsForm } from "@/components/forms/organisation-details-form";
import { AliasList, MergeOrganisation } from "@/components/forms/organisation-identity";
import { listAliases } from "@/lib/data/edits/aliases";
import { mergedInto } from "@/lib/data/edits/merge";
import { TableView } from "@/components/tables/table-view";
import { LastChanged } from "@/components/view/last-changed";
import { lastChange } from "@/lib/data/last-change";
import { can } from "@/lib/domain/permissions";
import { AsOfNotice } from "@/components/view/view-heading";
import { requireActor } from "@/lib/auth/session";
import { FollowButton } from "@/components/watchlist/follow-button";
import { getOrganisation } from "@/lib/data/organisations";
import { listTimeline, TIMELINE_LIMIT } from "@/lib/data/timeline";
import { asOfOnly, parseView, viewQuery, type SearchParams } from "@/lib/domain/view";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisation"))("title") };
}

export default async function OrganisationPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const id = Number((await params).id);
  const organisation = await getOrganisation(actor, id);
  if (!organisation) {
    // A merged organisation's old address leads to the one it was merged into.
    const keptId = await mergedInto(id);
    if (keptId) redirect(`/organisations/${keptId}`);
    notFound();
  }
  const tableParams = await searchParams;
  const view = parseView(tableParams);
  const [timeline, change, aliases] = await Promise.all([
    listTimeline(actor, { organisationId: organisation.id }, view.asOf),
    lastChange(actor, { organisationId: organisation.id }),
    listAliases(actor, organisation.id),
  ]);
  const mayEdit = can(actor.role, "editOrganisations");
  const mayAdd = can(actor.role, "editOrganisations") && can(actor.role, "editEvents");
  const query = viewQuery(asOfOnly(view));
  const [t, tc, f] = [await getTranslations("organisation"), await getTranslations("country"), await getFormat()];

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p className="text-sm text-slate-500">
          <Link href={`/${query}`} className="underline">
            {t("overview")}
          </Link>{" "}
          / {t("organisations")}
        </p>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{organisation.name}</h1>
          <FollowButton actor={actor} filters={{ organisation: organisation.id }} what={organisation.name} />
        </div>
        <p className="text-slate-600">
          {[organisation.acronym, f.labels.organisationType[organisation.type], organisation.iatiId && t("iati", { id: organisation.iatiId })]
            .filter(Boolean)
            .join(" · ")}
          {organisation.website && (
            <>
              {" "}
              ·{" "}
              <a href={organisation.website} className="underline" rel="noreferrer noopener" target="_blank">
                {organisation.website.replace(/^https?:\/\//, "")}
              </a>
            </>
          )}
        </p>
        <LastChanged change={change} />
        {mayEdit && <OrganisationDetailsForm organisation={{ ...organisation, updatedAt: organisation.updatedAt.toISOString() }} />}
        {mayEdit && <MergeOrganisation organisationId={organisation.id} organisationName={organisation.name} />}
        <AsOfNotice view={view} />
      </div>
      {typeof tableParams.created === "string" && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("created")}
        </p>
      )}
      {typeof tableParams.merged === "string" && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("merged")}
        </p>
      )}
      <AliasList organisationId={organisation.id} aliases={aliases} editable={mayEdit} />
      {typeof tableParams.saved === "string" && /^\d+$/.test(tableParams.saved) && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {tableParams.draft === "1" ? tc("savedDraft") : t("saved")}{" "}
          <Link href={`/events/${tableParams.saved}`} className="underline">
            {tableParams.draft === "1" ? tc("seeDraft") : tc("seeNewEvent")}
          </Link>
          .
        </p>
      )}
      <section className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-lg font-semibold">{t("whereItWorks")}</h2>
          {mayAdd && (
            <Link href={`/presences/new?organisation=${organisation.id}`} className="text-sm font-medium text-slate-900 underline">
              {t("addToCountry")}
            </Link>
          )}
        </div>
        <TableView
          actor={actor}
          table="presences"
          params={tableParams}
          basePath={`/organisations/${organisation.id}`}
          noun="countries"
          caption={t("tableCaption", { name: organisation.name })}
          fixed={{ organisation: organisation.id }}
          emptyHint={t("emptyHint")}
        />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("timeline")}</h2>
        <EventTimeline events={timeline.events} query={query} showCountry />
        {timeline.more && (
          <p className="text-sm text-slate-600">
            {tc("latestShown", { count: TIMELINE_LIMIT })}{" "}
            <Link href={`/events?organisation=${organisation.id}${query ? `&${query.slice(1)}` : ""}`} className="underline">
              {tc("seeEveryEvent")}
            </Link>
            .
          </p>
        )}
      </section>
    </div>
  );
}
