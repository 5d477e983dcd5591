import type { Metadata } from "next";
import { SimpleTable } from "@/components/ui/simple-table";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { RoleNotice } from "@/components/layout/role-notice";
import { ResendDeliveryButton } from "@/components/webhooks/webhook-buttons";
import { DELIVERY_LOG_SIZE, webhookWithDeliveries } from "@/lib/data/webhooks";
import { can } from "@/lib/domain/permissions";
import { CHANGE_KIND_LABELS, type ChangeKind } from "@/lib/domain/changes";
import { formatInstant } from "@/lib/domain/partial-date";
import { MAX_DELIVERY_ATTEMPTS } from "@/lib/domain/webhooks";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Webhook deliveries" };

const when = (date: Date | null) => (date ? formatInstant(date) : "—");
const formatDuration = (ms: number) => (ms >= 60_000 ? `${Math.round(ms / 60_000)} minutes` : ms >= 1000 ? `${Math.round(ms / 1000)} seconds` : `${ms} ms`);
/** Where a change's entity opens in the app (a presence's changes name the presence, which has no page of its own). */
const ENTITY_PAGES: Record<string, { path: string; noun: string }> = {
  AccessEvent: { path: "/events", noun: "event" },
  Organisation: { path: "/organisations", noun: "organisation" },
};
const STATE_LABELS: Record<string, string> = { PENDING: "Waiting", DELIVERED: "Delivered", FAILED: "Failed" };

export default async function WebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  if (!can(actor.role, "manageWebhooks")) return <RoleNotice>Only admins manage webhooks.</RoleNotice>;
  const { id } = await params;
  const found = /^\d{1,9}$/.test(id) ? await webhookWithDeliveries(actor, Number(id)) : null;
  if (!found) notFound();
  const { subscription, deliveries } = found;
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/admin/webhooks" className="underline">
            Webhooks
          </Link>
        </p>
        <h1 className="break-all text-2xl font-semibold tracking-tight">{subscription.url}</h1>
        <p className="text-slate-600">
          {subscription.disabledAt ? `Disabled ${formatInstant(subscription.disabledAt)}` : "Active"} · sends{" "}
          {subscription.kinds.map((k) => CHANGE_KIND_LABELS[k as ChangeKind] ?? k).join(", ")} · added {formatInstant(subscription.createdAt)}
          {subscription.createdBy ? ` by ${subscription.createdBy.email}` : ""}
        </p>
        <p className="text-sm text-slate-600">
          A failed delivery is tried again after {formatDuration(getEnv().WEBHOOK_RETRY_BASE_MS)}, then twice as long each time, {MAX_DELIVERY_ATTEMPTS}{" "}
          attempts in all; after that it is marked failed and can be re-sent. The newest {DELIVERY_LOG_SIZE} deliveries are shown.
        </p>
      </div>
      {deliveries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600" data-testid="deliveries-empty">
          Nothing has been sent yet: deliveries appear here as changes are published.
        </p>
      ) : (
        <SimpleTable
          caption="Deliveries, newest first"
          headers={["Delivery", "Change", "State", "Attempts", "Last answer", "Last attempt", "Next attempt", ""]}
          testId="deliveries-table"
        >
          {deliveries.map((d) => (
            <tr key={d.id} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2 tabular-nums">{d.id}</td>
              <td className="px-3 py-2">
                {CHANGE_KIND_LABELS[d.kind as ChangeKind] ?? d.kind}
                {d.entity && ENTITY_PAGES[d.entity.type] && (
                  <>
                    {": "}
                    <Link href={`${ENTITY_PAGES[d.entity.type]!.path}/${d.entity.id}`} className="underline">
                      {ENTITY_PAGES[d.entity.type]!.noun} {d.entity.id}
                    </Link>
                  </>
                )}
              </td>
              <td className={`px-3 py-2 font-medium ${d.state === "FAILED" ? "text-red-800" : ""}`}>{STATE_LABELS[d.state] ?? d.state}</td>
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
