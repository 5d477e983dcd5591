import type { Metadata } from "next";
import { TableView } from "@/components/tables/table-view";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import type { SearchParams } from "@/lib/domain/view";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  if (!can(actor.role, "readAudit")) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <h1 className="text-xl font-semibold">Audit log</h1>
        <p className="mt-2 text-slate-600">Your role does not include the audit log. Ask an admin if you need it.</p>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="text-slate-600">Every change and every export: who, when, what, with the values before and after.</p>
      </div>
      <TableView actor={actor} table="audit" params={await searchParams} basePath="/audit" noun="entries" caption="Audit log entries" />
    </div>
  );
}
