import type { Metadata } from "next";
import Link from "next/link";
import { UploadForm } from "@/components/imports/upload-form";
import { requireActor } from "@/lib/auth/session";
import { RoleNotice } from "@/components/layout/role-notice";
import { can } from "@/lib/domain/permissions";
import { listImports } from "@/lib/data/imports";
import { formatNumber } from "@/lib/domain/format";
import { formatInstant } from "@/lib/domain/partial-date";

export const metadata: Metadata = { title: "Import" };

const STATE_LABELS = { PREVIEW: "Preview, not written", COMMITTED: "Imported", UNDONE: "Undone" } as const;

export default async function ImportsPage() {
  const actor = await requireActor();
  if (!can(actor.role, "editEvents")) return <RoleNotice>Only analysts and admins import files.</RoleNotice>;
  const imports = await listImports(actor);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Import</h1>
        <p className="text-slate-600">
          Add many organisations, presences or events at once from a spreadsheet: preview every row, then write all of them or none.
        </p>
      </div>
      <UploadForm />
      <section aria-labelledby="recent-imports" className="space-y-2">
        <h2 id="recent-imports" className="text-lg font-semibold">
          Recent imports
        </h2>
        {imports.length === 0 ? (
          <p className="text-sm text-slate-600">No file has been imported yet.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-sm">
              <caption className="sr-only">Recent imports</caption>
              <thead className="bg-slate-50 text-left text-slate-700">
                <tr>
                  <th className="px-3 py-2">Import</th>
                  <th className="px-3 py-2">File</th>
                  <th className="px-3 py-2">Holds</th>
                  <th className="px-3 py-2">State</th>
                  <th className="px-3 py-2 text-right">Rows</th>
                  <th className="px-3 py-2 text-right">With errors</th>
                  <th className="px-3 py-2">By, when</th>
                </tr>
              </thead>
              <tbody>
                {imports.map((i) => (
                  <tr key={i.id} className="border-t border-slate-100">
                    <td className="px-3 py-2">
                      <Link href={`/imports/${i.id}`} className="underline">
                        {i.id}
                      </Link>
                    </td>
                    <td className="max-w-[16rem] truncate px-3 py-2" title={i.fileName}>
                      {i.fileName} <span className="text-slate-500">({i.format.toUpperCase()})</span>
                    </td>
                    <td className="px-3 py-2">{i.summary.table ?? "not recognised"}</td>
                    <td className="px-3 py-2">{STATE_LABELS[i.state]}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatNumber(i.rows)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatNumber(i.errorRows)}</td>
                    <td className="px-3 py-2 text-slate-600">
                      {i.uploadedBy?.name ?? "—"}, {formatInstant(i.createdAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
