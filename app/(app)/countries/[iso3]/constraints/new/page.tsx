import type { Metadata } from "next";
import { getCountryName, getTranslations } from "@/lib/i18n/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConstraintForm } from "@/components/forms/constraint-form";
import { requireActor } from "@/lib/auth/session";
import { getConstraintContext } from "@/lib/data/presences";
import { can } from "@/lib/domain/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("constraintForm"))("title") };
}

export default async function NewConstraintPage({ params }: { params: Promise<{ iso3: string }> }) {
  const actor = await requireActor();
  const [t, countryName] = [await getTranslations("constraintForm"), await getCountryName()];
  if (!can(actor.role, "editEvents")) {
    return <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">{t("readOnly")}</p>;
  }
  const context = await getConstraintContext(actor, (await params).iso3);
  if (!context) notFound();
  const back = `/countries/${context.country.iso3}`;
  const country = countryName(context.country.iso3, context.country.name);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p className="text-sm text-slate-500">
        <Link href={back} className="underline">
          {country}
        </Link>{" "}
        / {t("title")}
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">{t("heading", { country })}</h1>
      <p className="text-sm text-slate-600">{t("help")}</p>
      <ConstraintForm
        iso3={context.country.iso3}
        countryName={country}
        organisations={context.organisations}
        areas={context.areas}
        sourceOptions={context.sourceOptions}
        backHref={back}
      />
    </div>
  );
}
