import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import Link from "next/link";
import { can } from "@/lib/domain/permissions";
import { TableView } from "@/components/tables/table-view";
import { AsOfNotice } from "@/components/view/view-heading";
import { requireActor } from "@/lib/auth/session";
import { parseView, type SearchParams } from "@/lib/domain/view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lists"))("organisationsTitle") };
}

export default async function OrganisationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const t = await getTranslations("lists");
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{t("organisationsTitle")}</h1>
          {can(actor.role, "editOrganisations") && (
            <Link href="/organisations/new" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
              {t("addOrganisation")}
            </Link>
          )}
        </div>
        <p className="text-slate-600">{t("organisationsIntro")}</p>
        <AsOfNotice view={parseView(params)} />
      </div>
      <TableView actor={actor} table="organisations" params={params} basePath="/organisations" noun="organisations" caption={t("organisationsCaption")} />
    </div>
  );
}
