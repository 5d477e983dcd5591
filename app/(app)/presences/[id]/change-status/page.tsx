import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusChangeForm } from "@/components/forms/status-change-form";
import { StatusBadge } from "@/components/ui/status-badge";
import { requireActor } from "@/lib/auth/session";
import { getPresenceForEdit } from "@/lib/data/presences";
import { can } from "@/lib/domain/permissions";
import type { DatePrecision, Status } from "@/lib/domain/vocabulary";
import { presenceName } from "@/lib/domain/format";
import { formatIsoDate } from "@/lib/domain/partial-date";

export const metadata: Metadata = { title: "Change status" };

export default async function ChangeStatusPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  if (!can(actor.role, "editEvents")) {
    return (
      <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">
        Your role can read and export, not edit. Ask an admin if you need to change statuses.
      </p>
    );
  }
  const presence = await getPresenceForEdit(actor, Number((await params).id));
  if (!presence) notFound();
  const back = `/countries/${presence.country.iso3}`;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p className="text-sm text-slate-500">
        <Link href={back} className="underline">
          {presence.country.name}
        </Link>{" "}
        /{" "}
        <Link href={`/organisations/${presence.organisation.id}`} className="underline">
          {presence.organisation.name}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">Change status</h1>
      <p className="flex flex-wrap items-center gap-2 text-slate-700">
        {presenceName(presence.organisation.name, presence.country.name)} is now <StatusBadge status={presence.status as Status | null} />
        {presence.since && <span>since {formatIsoDate(presence.since, (presence.sincePrecision ?? "DAY") as DatePrecision)}</span>}
      </p>
      <p className="text-sm text-slate-600">
        A status change is recorded as a new event with its sources. The current status is then recomputed from all published events, so an event dated before
        the latest one is kept in the history without replacing the current status.
      </p>
      <StatusChangeForm
        presenceId={presence.id}
        version={presence.version}
        organisationName={presence.organisation.name}
        countryName={presence.country.name}
        sourceOptions={presence.sourceOptions}
        backHref={back}
      />
    </div>
  );
}
