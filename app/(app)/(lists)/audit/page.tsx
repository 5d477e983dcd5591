import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { TableView } from "@/components/tables/table-view";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import type { SearchParams } from "@/lib/domain/view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lists"))("auditTitle") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const t = await getTranslations("lists");
  if (!can(actor.role, "readAudit")) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <h1 className="text-xl font-semibold">{t("auditTitle")}</h1>
        <p className="mt-2 text-slate-600">{t("auditNoRole")}</p>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("auditTitle")}</h1>
        <p className="text-slate-600">{t("auditIntro")}</p>
      </div>
      <TableView actor={actor} table="audit" params={await searchParams} basePath="/audit" noun="entries" caption={t("auditCaption")} />
    </div>
  );
}
