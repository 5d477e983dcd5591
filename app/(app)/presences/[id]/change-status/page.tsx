import type { Metadata } from "next";
import { getCountryName, getFormat, getTranslations } from "@/lib/i18n/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusChangeForm } from "@/components/forms/status-change-form";
import { StatusBadge } from "@/components/ui/status-badge";
import { requireActor } from "@/lib/auth/session";
import { getPresenceForEdit } from "@/lib/data/presences";
import { can } from "@/lib/domain/permissions";
import type { DatePrecision, Status } from "@/lib/domain/vocabulary";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("presenceForms"))("changeTitle") };
}

export default async function ChangeStatusPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const [t, f, countryName] = [await getTranslations("presenceForms"), await getFormat(), await getCountryName()];
  if (!can(actor.role, "editEvents")) {
    return <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">{t("readOnlyStatus")}</p>;
  }
  const presence = await getPresenceForEdit(actor, Number((await params).id));
  if (!presence) notFound();
  const back = `/countries/${presence.country.iso3}`;
  const country = countryName(presence.country.iso3, presence.country.name);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p className="text-sm text-slate-500">
        <Link href={back} className="underline">
          {country}
        </Link>{" "}
        /{" "}
        <Link href={`/organisations/${presence.organisation.id}`} className="underline">
          {presence.organisation.name}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">{t("changeTitle")}</h1>
      <p className="flex flex-wrap items-center gap-2 text-slate-700">
        {t("isNow", { subject: f.presence(presence.organisation.name, country) })} <StatusBadge status={presence.status as Status | null} />
        {presence.since && <span>{t("since", { date: f.isoDate(presence.since, (presence.sincePrecision ?? "DAY") as DatePrecision) })}</span>}
      </p>
      <p className="text-sm text-slate-600">{t("changeHelp")}</p>
      <StatusChangeForm
        presenceId={presence.id}
        version={presence.version}
        organisationName={presence.organisation.name}
        countryName={country}
        sourceOptions={presence.sourceOptions}
        backHref={back}
      />
    </div>
  );
}
