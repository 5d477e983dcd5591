import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommitImport, MapColumns, UndoImport } from "@/components/imports/import-actions";
import { requireActor } from "@/lib/auth/session";
import { RoleNotice } from "@/components/layout/role-notice";
import { can } from "@/lib/domain/permissions";
import { getImport, listImportRows } from "@/lib/data/imports";
import { IMPORT_FIELDS, IMPORT_TABLES, ROW_ACTIONS, type RowAction } from "@/lib/domain/import-format";
import { TABLE_COLUMNS } from "@/lib/domain/tables/columns";
import { formatNumber } from "@/lib/domain/format";
import { formatInstant } from "@/lib/domain/partial-date";
import { mayPublish } from "@/lib/domain/review";
import { requireReview } from "@/lib/env";
import type { SearchParams } from "@/lib/domain/view";

export const metadata: Metadata = { title: "Import preview" };

const ACTION_LABELS: Record<RowAction, string> = { create: "Adds", existing: "Already there", duplicate: "Duplicate, skipped", error: "Error" };
const ACTION_MARKS: Record<RowAction, string> = { create: "+", existing: "=", duplicate: "≈", error: "!" };
const PAGE = 50;

export default async function ImportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  if (!can(actor.role, "editEvents")) return <RoleNotice>Only analysts and admins import files.</RoleNotice>;
  const id = Number((await params).id);
  const found = await getImport(actor, id);
  if (!found) notFound();
  const query = await searchParams;
  const only = ROW_ACTIONS.find((a) => a === query.only);
  const page = Math.max(1, Number(query.page) || 1);
  const { rows, total } = await listImportRows(actor, id, { ...(only ? { only } : {}), page, size: PAGE });
  const { summary } = found;
  const fields = Object.fromEntries(
    IMPORT_TABLES.map((t) => [t, IMPORT_FIELDS[t].map((f) => ({ id: f, label: TABLE_COLUMNS[t].find((c) => c.id === f)?.label ?? f }))]),
  );
  const blocked = mayPublish(found.uploadedBy?.id ?? null, actor.id, requireReview()) ? null : "Four eyes are on: someone other than you commits this import.";
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const link = (p: { only?: RowAction; page?: number }) =>
    `/imports/${id}?${new URLSearchParams({ ...(p.only ? { only: p.only } : {}), ...(p.page && p.page > 1 ? { page: String(p.page) } : {}) })}`;

  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-500">
        <Link href="/imports" className="underline">
          Import
        </Link>{" "}
        / {found.fileName}
      </p>
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">
          Import {found.id}: {found.fileName}
        </h1>
        <p className="text-slate-600">
          {found.format.toUpperCase()}, {summary.table ? `${summary.table}` : "columns not recognised"}, {formatNumber(found.rows)} rows · uploaded by{" "}
          {found.uploadedBy?.name ?? "—"}, {formatInstant(found.createdAt)}
          {found.committedAt && (
            <>
              {" "}
              · imported {formatInstant(found.committedAt)}
              {found.draft ? " as drafts" : ""}
            </>
          )}
          {found.undoneAt && (
            <>
              {" "}
              · undone {formatInstant(found.undoneAt)}: {found.undoReason}
            </>
          )}
        </p>
      </div>

      <table className="text-sm" aria-label="What the rows do">
        <tbody>
          {ROW_ACTIONS.map((a) => (
            <tr key={a}>
              <th scope="row" className="py-0.5 pr-4 text-left font-medium">
                <span aria-hidden="true" className="mr-1.5 inline-block w-4 text-center font-mono">
                  {ACTION_MARKS[a]}
                </span>
                {ACTION_LABELS[a]}
              </th>
              <td className="py-0.5 text-right tabular-nums">
                <Link href={link({ only: a })} className="underline">
                  {formatNumber(summary.counts[a])}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.created && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Imported: {summary.created.organisations.length} organisations, {summary.created.presences.length} presences and {summary.created.events.length}{" "}
          events added
          {found.draft ? (
            <>
              {" "}
              as drafts:{" "}
              <Link href="/review" className="underline">
                review them
              </Link>
            </>
          ) : null}
          .
        </p>
      )}

      {found.state === "PREVIEW" && summary.missing.length > 0 && (
        <>
          <p role="alert" className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            Say which column is which: the file lacks {summary.missing.join(", ")}.
          </p>
          <MapColumns importId={id} headers={summary.headers} table={summary.table} mapping={summary.mapping} fields={fields} />
        </>
      )}
      {found.state === "PREVIEW" && summary.missing.length === 0 && (
        <CommitImport importId={id} rows={found.rows} errorRows={found.errorRows} blocked={blocked} />
      )}
      {found.state === "COMMITTED" && <UndoImport importId={id} />}

      <section aria-labelledby="rows-heading" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="rows-heading" className="text-lg font-semibold">
            Rows {only ? `(${ACTION_LABELS[only].toLowerCase()})` : ""}
          </h2>
          {only && (
            <Link href={link({})} className="text-sm underline">
              Show every row
            </Link>
          )}
        </div>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">No row here.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full table-fixed text-sm">
              <caption className="sr-only">Rows of the file and what each does</caption>
              <colgroup>
                <col className="w-16" />
                <col className="w-40" />
                <col />
              </colgroup>
              <thead className="bg-slate-50 text-left text-slate-700">
                <tr>
                  <th className="px-3 py-2">Line</th>
                  <th className="px-3 py-2">Does</th>
                  <th className="px-3 py-2">Details</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.line} className="border-t border-slate-100 align-top" data-testid="import-row">
                    <td className="px-3 py-2 tabular-nums">{r.line}</td>
                    <td className={`px-3 py-2 font-medium ${r.action === "error" ? "text-red-800" : ""}`}>
                      <span aria-hidden="true" className="mr-1.5 font-mono">
                        {ACTION_MARKS[r.action]}
                      </span>
                      {ACTION_LABELS[r.action]}
                    </td>
                    <td className="px-3 py-2">
                      {r.errors.length > 0 ? (
                        <ul className="space-y-0.5 text-red-800">
                          {r.errors.map((e, i) => (
                            <li key={i}>
                              <span className="font-medium">{e.field}</span>: {e.message}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span>{r.what.join("; ") || "—"}</span>
                      )}
                      <p className="mt-0.5 truncate text-xs text-slate-500" title={r.cells.join(" | ")}>
                        {r.cells.join(" | ")}
                      </p>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages > 1 && (
          <nav aria-label="Pages of rows" className="flex items-center gap-3 text-sm">
            {page > 1 && (
              <Link href={link({ only, page: page - 1 })} className="underline">
                Previous
              </Link>
            )}
            <span>
              Page {page} of {formatNumber(pages)}
            </span>
            {page < pages && (
              <Link href={link({ only, page: page + 1 })} className="underline">
                Next
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
