import type { Metadata } from "next";
import { getFormat, getTranslations } from "@/lib/i18n/server";
import { SimpleTable } from "@/components/ui/simple-table";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { RoleNotice } from "@/components/layout/role-notice";
import { ResendDeliveryButton } from "@/components/webhooks/webhook-buttons";
import { DELIVERY_LOG_SIZE, webhookWithDeliveries } from "@/lib/data/webhooks";
import { can } from "@/lib/domain/permissions";
import { CHANGE_KIND_LABELS, CHANGE_KIND_LABELS_FR, type ChangeKind } from "@/lib/domain/changes";
import { MAX_DELIVERY_ATTEMPTS } from "@/lib/domain/webhooks";
import { getEnv } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("deliveriesTitle") };
}

/** Where a change's entity opens in the app (a presence's changes name the presence, which has no page of its own). */
const ENTITY_PAGES: Record<string, { path: string; noun: "entityEvent" | "entityOrganisation" | "entityAssessment" }> = {
  AccessEvent: { path: "/events", noun: "entityEvent" },
  Assessment: { path: "/assessments", noun: "entityAssessment" },
  Organisation: { path: "/organisations", noun: "entityOrganisation" },
};
const isState = (state: string): state is "PENDING" | "DELIVERED" | "FAILED" => ["PENDING", "DELIVERED", "FAILED"].includes(state);

export default async function WebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const [t, f] = [await getTranslations("admin"), await getFormat()];
  const when = (date: Date | null) => (date ? f.instant(date) : "—");
  const formatDuration = (ms: number) =>
    ms >= 60_000 ? t("minutes", { count: Math.round(ms / 60_000) }) : ms >= 1000 ? t("seconds", { count: Math.round(ms / 1000) }) : `${ms} ms`;
  const kindLabels = f.locale === "fr" ? CHANGE_KIND_LABELS_FR : CHANGE_KIND_LABELS;
  if (!can(actor.role, "manageWebhooks")) return <RoleNotice>{t("webhooksNoRole")}</RoleNotice>;
  const { id } = await params;
  const found = /^\d{1,9}$/.test(id) ? await webhookWithDeliveries(actor, Number(id)) : null;
  if (!found) notFound();
  const { subscription, deliveries } = found;
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/admin/webhooks" className="underline">
            {t("webhooksTitle")}
          </Link>
        </p>
        <h1 className="break-all text-2xl font-semibold tracking-tight">{subscription.url}</h1>
        <p className="text-slate-600">
          {subscription.disabledAt ? t("disabledOn", { date: f.instant(subscription.disabledAt) }) : t("active")}
          {t("sends", { kinds: subscription.kinds.map((k) => kindLabels[k as ChangeKind] ?? k).join(", "), date: f.instant(subscription.createdAt) })}
          {subscription.createdBy ? t("by", { email: subscription.createdBy.email }) : ""}
        </p>
        <p className="text-sm text-slate-600">
          {t("retryHelp", { delay: formatDuration(getEnv().WEBHOOK_RETRY_BASE_MS), attempts: MAX_DELIVERY_ATTEMPTS, count: DELIVERY_LOG_SIZE })}
        </p>
      </div>
      {deliveries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600" data-testid="deliveries-empty">
          {t("noDeliveries")}
        </p>
      ) : (
        <SimpleTable
          caption={t("deliveriesCaption")}
          headers={[
            ...(["delivery", "change", "state", "attempts", "lastAnswer", "lastAttempt", "nextAttempt"] as const).map((key) => t(`deliveryHeaders.${key}`)),
            "",
          ]}
          testId="deliveries-table"
        >
          {deliveries.map((d) => (
            <tr key={d.id} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2 tabular-nums">{d.id}</td>
              <td className="px-3 py-2">
                {kindLabels[d.kind as ChangeKind] ?? d.kind}
                {d.entity && ENTITY_PAGES[d.entity.type] && (
                  <>
                    {": "}
                    <Link href={`${ENTITY_PAGES[d.entity.type]!.path}/${d.entity.id}`} className="underline">
                      {t(ENTITY_PAGES[d.entity.type]!.noun, { id: d.entity.id })}
                    </Link>
                  </>
                )}
              </td>
              <td className={`px-3 py-2 font-medium ${d.state === "FAILED" ? "text-red-800" : ""}`}>{isState(d.state) ? t(`states.${d.state}`) : d.state}</td>
              <td className="px-3 py-2 tabular-nums">{d.attempts}</td>
              <td className="max-w-64 break-words px-3 py-2">{d.lastError ?? (d.lastStatusCode ? `${d.lastStatusCode}` : "—")}</td>
              <td className="px-3 py-2">{when(d.lastAttemptAt)}</td>
              <td className="px-3 py-2">{d.state === "PENDING" ? when(d.nextAttemptAt) : "—"}</td>
              <td className="px-3 py-2 text-right">{!subscription.disabledAt && <ResendDeliveryButton id={d.id} />}</td>
            </tr>
          ))}
        </SimpleTable>
      )}
    </div>
  );
}
