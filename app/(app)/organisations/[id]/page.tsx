import type { Metadata } from "next";
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
import { ORGANISATION_TYPE_LABELS } from "@/lib/domain/vocabulary";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export const metadata: Metadata = { title: "Organisation" };

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

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p className="text-sm text-slate-500">
          <Link href={`/${query}`} className="underline">
            Overview
          </Link>{" "}
          / Organisations
        </p>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{organisation.name}</h1>
          <FollowButton actor={actor} filters={{ organisation: organisation.id }} what={organisation.name} />
        </div>
        <p className="text-slate-600">
          {[organisation.acronym, ORGANISATION_TYPE_LABELS[organisation.type], organisation.iatiId && `IATI ${organisation.iatiId}`]
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
          Organisation added. Add it to the countries where it works, each with its first sourced event.
        </p>
      )}
      {typeof tableParams.merged === "string" && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Merged. The duplicate&apos;s countries, events and names are now this organisation&apos;s.
        </p>
      )}
      <AliasList organisationId={organisation.id} aliases={aliases} editable={mayEdit} />
      {typeof tableParams.saved === "string" && /^\d+$/.test(tableParams.saved) && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {tableParams.draft === "1" ? "Saved as a draft: it counts nowhere until someone publishes it." : "Saved."}{" "}
          <Link href={`/events/${tableParams.saved}`} className="underline">
            {tableParams.draft === "1" ? "See the draft" : "See the new event"}
          </Link>
          .
        </p>
      )}
      <section className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-lg font-semibold">Where it works</h2>
          {mayAdd && (
            <Link href={`/presences/new?organisation=${organisation.id}`} className="text-sm font-medium text-slate-900 underline">
              Add to a country…
            </Link>
          )}
        </div>
        <TableView
          actor={actor}
          table="presences"
          params={tableParams}
          basePath={`/organisations/${organisation.id}`}
          noun="countries"
          caption={`Countries where ${organisation.name} is present`}
          fixed={{ organisation: organisation.id }}
          emptyHint="No country with a status is recorded for this organisation up to this date."
        />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Timeline</h2>
        <EventTimeline events={timeline.events} query={query} showCountry />
        {timeline.more && (
          <p className="text-sm text-slate-600">
            The {TIMELINE_LIMIT} latest events are shown.{" "}
            <Link href={`/events?organisation=${organisation.id}${query ? `&${query.slice(1)}` : ""}`} className="underline">
              See every event in the Events table
            </Link>
            .
          </p>
        )}
      </section>
    </div>
  );
}
