import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { TableView } from "@/components/tables/table-view";
import { AsOfNotice } from "@/components/view/view-heading";
import { requireActor } from "@/lib/auth/session";
import { parseView, type SearchParams } from "@/lib/domain/view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lists"))("assessmentsTitle") };
}

export default async function AssessmentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const t = await getTranslations("lists");
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("assessmentsTitle")}</h1>
        <p className="text-slate-600">{t("assessmentsIntro")}</p>
        <AsOfNotice view={parseView(params)} />
      </div>
      <TableView actor={actor} table="assessments" params={params} basePath="/assessments" noun="assessments" caption={t("assessmentsCaption")} />
    </div>
  );
}
