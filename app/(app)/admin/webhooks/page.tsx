import type { Metadata } from "next";
import { getFormat, getTranslations } from "@/lib/i18n/server";
import { SimpleTable } from "@/components/ui/simple-table";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { RoleNotice } from "@/components/layout/role-notice";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { DisableWebhookButton } from "@/components/webhooks/webhook-buttons";
import { listWebhooks } from "@/lib/data/webhooks";
import { can } from "@/lib/domain/permissions";
import { CHANGE_KIND_LABELS, CHANGE_KIND_LABELS_FR, type ChangeKind } from "@/lib/domain/changes";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("webhooksTitle") };
}

export default async function WebhooksPage() {
  const actor = await requireActor();
  const [t, f] = [await getTranslations("admin"), await getFormat()];
  const kindLabels = f.locale === "fr" ? CHANGE_KIND_LABELS_FR : CHANGE_KIND_LABELS;
  if (!can(actor.role, "manageWebhooks")) return <RoleNotice>{t("webhooksNoRole")}</RoleNotice>;
  const webhooks = await listWebhooks(actor);
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("webhooksTitle")}</h1>
        <p className="text-slate-600">{t("webhooksIntro")}</p>
      </div>
      <WebhookForm />
      {webhooks.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">{t("noWebhooks")}</p>
      ) : (
        <SimpleTable
          caption={t("webhooksTitle")}
          headers={[...(["address", "kinds", "added", "deliveries", "state"] as const).map((key) => t(`webhookHeaders.${key}`)), ""]}
          testId="webhooks-table"
        >
          {webhooks.map((w) => (
            <tr key={w.id} className="border-t border-slate-100 align-top">
              <td className="max-w-80 px-3 py-2 [overflow-wrap:anywhere]">
                <Link href={`/admin/webhooks/${w.id}`} className="font-medium underline">
                  {w.url}
                </Link>
              </td>
              <td className="px-3 py-2">{w.kinds.map((k) => kindLabels[k as ChangeKind] ?? k).join(", ")}</td>
              <td className="px-3 py-2">
                {f.instant(w.createdAt)}
                {w.createdBy ? t("by", { email: w.createdBy.email }) : ""}
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                {t("delivered", { count: w.deliveries.DELIVERED ?? 0 })}
                {w.deliveries.PENDING ? t("waiting", { count: w.deliveries.PENDING }) : null}
                {w.deliveries.FAILED ? <span className="font-medium text-red-800">{t("failed", { count: w.deliveries.FAILED })}</span> : null}
              </td>
              <td className="px-3 py-2">{w.disabledAt ? t("disabledOn", { date: f.instant(w.disabledAt) }) : t("active")}</td>
              <td className="px-3 py-2 text-right">{!w.disabledAt && <DisableWebhookButton id={w.id} url={w.url} />}</td>
            </tr>
          ))}
        </SimpleTable>
      )}
    </div>
  );
}
