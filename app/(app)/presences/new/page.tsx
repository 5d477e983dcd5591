import type { Metadata } from "next";
import { getFormat, getTranslations } from "@/lib/i18n/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NewPresenceForm } from "@/components/forms/new-presence-form";
import { requireActor } from "@/lib/auth/session";
import { getCountry, listAllCountries } from "@/lib/data/countries";
import { getOrganisation } from "@/lib/data/organisations";
import { can } from "@/lib/domain/permissions";
import type { SearchParams } from "@/lib/domain/view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("presenceForms"))("addTitle") };
}

// /presences/new?organisation=ID (from an organisation's page) or ?country=ISO3 (from a country's page).
export default async function NewPresencePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const [t, f] = [await getTranslations("presenceForms"), await getFormat()];
  if (!can(actor.role, "editOrganisations") || !can(actor.role, "editEvents")) {
    return <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">{t("readOnlyPresence")}</p>;
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
  const countryLabel = country ? (f.locale === "fr" && country.nameFr) || country.nameEn : "";
  const back = organisation
    ? { href: `/organisations/${organisation.id}`, label: organisation.name }
    : country
      ? { href: `/countries/${country.iso3}`, label: countryLabel }
      : null;

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      {back && (
        <p className="text-sm text-slate-600">
          <Link href={back.href} className="underline">
            {back.label}
          </Link>{" "}
          / {t("addTitle")}
        </p>
      )}
      <h1 className="text-2xl font-semibold tracking-tight">
        {organisation ? t("addOrgToCountry", { name: organisation.name }) : country ? t("addOrgIn", { country: countryLabel }) : t("addOrgInCountry")}
      </h1>
      <p className="text-sm text-slate-600">{t("addHelp")}</p>
      <NewPresenceForm
        organisation={organisation ? { value: String(organisation.id), label: organisation.name, hint: organisation.acronym ?? undefined } : null}
        country={country ? { value: country.iso3, label: countryLabel, hint: country.iso3 } : null}
        countries={countries.map((c) =>
          f.locale === "fr"
            ? { value: c.iso3, label: c.nameFr || c.name, hint: c.iso3, keywords: [c.name, c.iso2] }
            : { value: c.iso3, label: c.name, hint: c.iso3, keywords: [c.nameFr, c.iso2] },
        )}
      />
    </div>
  );
}
