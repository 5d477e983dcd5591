import type { Metadata } from "next";
import { TriageWorkspace } from "@/components/triage/triage-workspace";
import { requireActor } from "@/lib/auth/session";
import { RoleNotice } from "@/components/layout/role-notice";
import { can } from "@/lib/domain/permissions";

export const metadata: Metadata = { title: "Article triage" };

export default async function TriagePage() {
  const actor = await requireActor();
  if (!can(actor.role, "editEvents")) return <RoleNotice>Only analysts and admins triage articles.</RoleNotice>;
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Article triage</h1>
        <p className="text-slate-600">Turn a news article into draft events: the app proposes, you decide.</p>
      </div>
      <TriageWorkspace />
    </div>
  );
}
