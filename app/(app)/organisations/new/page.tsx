import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { OrganisationForm } from "@/components/forms/organisation-form";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orgForms"))("newTitle") };
}

export default async function NewOrganisationPage() {
  const actor = await requireActor();
  const t = await getTranslations("orgForms");
  if (!can(actor.role, "editOrganisations")) {
    return <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">{t("readOnly")}</p>;
  }
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t("newTitle")}</h1>
      <p className="text-slate-600">{t("newHelp")}</p>
      <OrganisationForm />
    </div>
  );
}
