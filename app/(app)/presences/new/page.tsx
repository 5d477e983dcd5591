import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NewPresenceForm } from "@/components/forms/new-presence-form";
import { requireActor } from "@/lib/auth/session";
import { getCountry, listAllCountries } from "@/lib/data/countries";
import { getOrganisation } from "@/lib/data/organisations";
import { can } from "@/lib/domain/permissions";
import type { SearchParams } from "@/lib/domain/view";

export const metadata: Metadata = { title: "Add to a country" };

// /presences/new?organisation=ID (from an organisation's page) or ?country=ISO3 (from a country's page).
export default async function NewPresencePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  if (!can(actor.role, "editOrganisations") || !can(actor.role, "editEvents")) {
    return (
      <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">
        Your role can read and export, not edit. Ask an admin if you need to record where organisations work.
      </p>
    );
  }
  const params = await searchParams;
  const organisationParam = typeof params.organisation === "string" ? params.organisation : undefined;
  const countryParam = typeof params.country === "string" ? params.country : undefined;
  const [organisation, country, countries] = await Promise.all([
    organisationParam ? getOrganisation(actor, Number(organisationParam)) : null,
    countryParam ? getCountry(actor, countryParam) : null,
    listAllCountries(actor),
  ]);
  if ((organisationParam && !organisation) || (countryParam && !country)) notFound();
  const back = organisation
    ? { href: `/organisations/${organisation.id}`, label: organisation.name }
    : country
      ? { href: `/countries/${country.iso3}`, label: country.nameEn }
      : null;

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      {back && (
        <p className="text-sm text-slate-600">
          <Link href={back.href} className="underline">
            {back.label}
          </Link>{" "}
          / Add to a country
        </p>
      )}
      <h1 className="text-2xl font-semibold tracking-tight">
        {organisation ? `Add ${organisation.name} to a country` : country ? `Add an organisation in ${country.nameEn}` : "Add an organisation in a country"}
      </h1>
      <p className="text-sm text-slate-600">
        An organisation is recorded in a country with its first sourced event: its status there, what happened and when, according to whom. Both are saved
        together.
      </p>
      <NewPresenceForm
        organisation={organisation ? { value: String(organisation.id), label: organisation.name, hint: organisation.acronym ?? undefined } : null}
        country={country ? { value: country.iso3, label: country.nameEn, hint: country.iso3 } : null}
        countries={countries.map((c) => ({ value: c.iso3, label: c.name, hint: c.iso3, keywords: [c.nameFr, c.iso2] }))}
      />
    </div>
  );
}
