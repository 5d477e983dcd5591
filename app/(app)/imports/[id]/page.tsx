import type { Metadata } from "next";
import { getFormat, getTranslations } from "@/lib/i18n/server";
import { columnLabel } from "@/lib/domain/tables/column-labels";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommitImport, MapColumns, UndoImport } from "@/components/imports/import-actions";
import { requireActor } from "@/lib/auth/session";
import { RoleNotice } from "@/components/layout/role-notice";
import { can } from "@/lib/domain/permissions";
import { getImport, listImportRows } from "@/lib/data/imports";
import { IMPORT_FIELDS, IMPORT_TABLES, ROW_ACTIONS, type RowAction } from "@/lib/domain/import-format";
import { mayPublish } from "@/lib/domain/review";
import { requireReview } from "@/lib/env";
import type { SearchParams } from "@/lib/domain/view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("previewTitle") };
}

const ACTION_MARKS: Record<RowAction, string> = { create: "+", existing: "=", duplicate: "≈", error: "!" };
const PAGE = 50;

export default async function ImportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const [t, f] = [await getTranslations("imports"), await getFormat()];
  const actionLabel = (action: RowAction) => t(`actions.${action}`);
  if (!can(actor.role, "editEvents")) return <RoleNotice>{t("noRole")}</RoleNotice>;
  const id = Number((await params).id);
  const found = await getImport(actor, id);
  if (!found) notFound();
  const query = await searchParams;
  const only = ROW_ACTIONS.find((a) => a === query.only);
  const page = Math.max(1, Number(query.page) || 1);
  const { rows, total } = await listImportRows(actor, id, { ...(only ? { only } : {}), page, size: PAGE });
  const { summary } = found;
  const fields = Object.fromEntries(IMPORT_TABLES.map((t) => [t, IMPORT_FIELDS[t].map((field) => ({ id: field, label: columnLabel(t, field, f.locale) }))]));
  const blocked = mayPublish(found.uploadedBy?.id ?? null, actor.id, requireReview()) ? null : t("fourEyes");
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const link = (p: { only?: RowAction; page?: number }) =>
    `/imports/${id}?${new URLSearchParams({ ...(p.only ? { only: p.only } : {}), ...(p.page && p.page > 1 ? { page: String(p.page) } : {}) })}`;

  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-500">
        <Link href="/imports" className="underline">
          {t("title")}
        </Link>{" "}
        / {found.fileName}
      </p>
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("heading", { id: found.id, file: found.fileName })}</h1>
        <p className="text-slate-600">
          {t("facts", {
            format: found.format.toUpperCase(),
            table: summary.table ?? t("columnsNotRecognised"),
            rows: f.number(found.rows),
            name: found.uploadedBy?.name ?? "—",
            date: f.instant(found.createdAt),
          })}
          {found.committedAt && (
            <>
              {t("importedOn", { date: f.instant(found.committedAt) })}
              {found.draft ? t("asDrafts") : ""}
            </>
          )}
          {found.undoneAt && <>{t("undoneOn", { date: f.instant(found.undoneAt), reason: found.undoReason ?? "" })}</>}
        </p>
      </div>

      <table className="text-sm" aria-label={t("whatRowsDo")}>
        <tbody>
          {ROW_ACTIONS.map((a) => (
            <tr key={a}>
              <th scope="row" className="py-0.5 pr-4 text-left font-medium">
                <span aria-hidden="true" className="mr-1.5 inline-block w-4 text-center font-mono">
                  {ACTION_MARKS[a]}
                </span>
                {actionLabel(a)}
              </th>
              <td className="py-0.5 text-right tabular-nums">
                <Link href={link({ only: a })} className="underline">
                  {f.number(summary.counts[a])}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.created && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("imported", {
            organisations: f.number(summary.created.organisations.length),
            presences: f.number(summary.created.presences.length),
            events: f.number(summary.created.events.length),
          })}
          {found.draft
            ? t.rich("asDraftsReview", {
                link: (text) => (
                  <Link href="/review" className="underline">
                    {text}
                  </Link>
                ),
              })
            : null}
          .
        </p>
      )}

      {found.state === "PREVIEW" && summary.missing.length > 0 && (
        <>
          <p role="alert" className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            {t("missing", { fields: summary.missing.join(", ") })}
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
            {only ? t("rowsOnly", { action: actionLabel(only).toLocaleLowerCase(f.locale) }) : t("rows")}
          </h2>
          {only && (
            <Link href={link({})} className="text-sm underline">
              {t("everyRow")}
            </Link>
          )}
        </div>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noRow")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full table-fixed text-sm">
              <caption className="sr-only">{t("rowsCaption")}</caption>
              <colgroup>
                <col className="w-16" />
                <col className="w-40" />
                <col />
              </colgroup>
              <thead className="bg-slate-50 text-left text-slate-700">
                <tr>
                  <th className="px-3 py-2">{t("line")}</th>
                  <th className="px-3 py-2">{t("does")}</th>
                  <th className="px-3 py-2">{t("details")}</th>
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
                      {actionLabel(r.action)}
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
          <nav aria-label={t("rowPages")} className="flex items-center gap-3 text-sm">
            {page > 1 && (
              <Link href={link({ only, page: page - 1 })} className="underline">
                {t("previous")}
              </Link>
            )}
            <span>{t("pageOf", { page: f.number(page), pages: f.number(pages) })}</span>
            {page < pages && (
              <Link href={link({ only, page: page + 1 })} className="underline">
                {t("next")}
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
