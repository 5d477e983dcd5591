import type { Metadata } from "next";
import { TriageWorkspace } from "@/components/triage/triage-workspace";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";

export const metadata: Metadata = { title: "Article triage" };

export default async function TriagePage() {
  const actor = await requireActor();
  if (!can(actor.role, "editEvents"))
    return <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">Only analysts and admins triage articles.</p>;
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
