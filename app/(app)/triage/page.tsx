import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { TriageWorkspace } from "@/components/triage/triage-workspace";
import { requireActor } from "@/lib/auth/session";
import { RoleNotice } from "@/components/layout/role-notice";
import { can } from "@/lib/domain/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("triage"))("title") };
}

export default async function TriagePage() {
  const actor = await requireActor();
  const t = await getTranslations("triage");
  if (!can(actor.role, "editEvents")) return <RoleNotice>{t("noRole")}</RoleNotice>;
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-slate-600">{t("intro")}</p>
      </div>
      <TriageWorkspace />
    </div>
  );
}
