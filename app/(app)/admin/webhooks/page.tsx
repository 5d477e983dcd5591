import type { Metadata } from "next";
import { SimpleTable } from "@/components/ui/simple-table";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { RoleNotice } from "@/components/layout/role-notice";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { DisableWebhookButton } from "@/components/webhooks/webhook-buttons";
import { listWebhooks } from "@/lib/data/webhooks";
import { can } from "@/lib/domain/permissions";
import { CHANGE_KIND_LABELS, type ChangeKind } from "@/lib/domain/changes";
import { formatInstant } from "@/lib/domain/partial-date";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const actor = await requireActor();
  if (!can(actor.role, "manageWebhooks")) return <RoleNotice>Only admins manage webhooks.</RoleNotice>;
  const webhooks = await listWebhooks(actor);
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Webhooks</h1>
        <p className="text-slate-600">
          A webhook sends each published change of the chosen kinds to another system, as it happens: one signed POST per change, tried again later when the
          receiver does not answer 2xx. Changes from before a webhook was added are not sent.
        </p>
      </div>
      <WebhookForm />
      {webhooks.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">No webhook yet.</p>
      ) : (
        <SimpleTable caption="Webhooks" headers={["Address", "Kinds of change", "Added", "Deliveries", "State", ""]} testId="webhooks-table">
          {webhooks.map((w) => (
            <tr key={w.id} className="border-t border-slate-100 align-top">
              <td className="max-w-80 px-3 py-2 [overflow-wrap:anywhere]">
                <Link href={`/admin/webhooks/${w.id}`} className="font-medium underline">
                  {w.url}
                </Link>
              </td>
              <td className="px-3 py-2">{w.kinds.map((k) => CHANGE_KIND_LABELS[k as ChangeKind] ?? k).join(", ")}</td>
              <td className="px-3 py-2">
                {formatInstant(w.createdAt)}
                {w.createdBy ? ` by ${w.createdBy.email}` : ""}
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                {w.deliveries.DELIVERED ?? 0} delivered
                {w.deliveries.PENDING ? <>, {w.deliveries.PENDING} waiting</> : null}
                {w.deliveries.FAILED ? <span className="font-medium text-red-800">, {w.deliveries.FAILED} failed</span> : null}
              </td>
              <td className="px-3 py-2">{w.disabledAt ? `Disabled ${formatInstant(w.disabledAt)}` : "Active"}</td>
              <td className="px-3 py-2 text-right">{!w.disabledAt && <DisableWebhookButton id={w.id} url={w.url} />}</td>
            </tr>
          ))}
        </SimpleTable>
      )}
    </div>
  );
}
