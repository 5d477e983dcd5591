import type { Metadata } from "next";
import { getFormat, getTranslations } from "@/lib/i18n/server";
import Link from "next/link";
import { UploadForm } from "@/components/imports/upload-form";
import { requireActor } from "@/lib/auth/session";
import { RoleNotice } from "@/components/layout/role-notice";
import { can } from "@/lib/domain/permissions";
import { listImports } from "@/lib/data/imports";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title") };
}

export default async function ImportsPage() {
  const actor = await requireActor();
  const [t, f] = [await getTranslations("imports"), await getFormat()];
  if (!can(actor.role, "editEvents")) return <RoleNotice>{t("noRole")}</RoleNotice>;
  const imports = await listImports(actor);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-slate-600">{t("intro")}</p>
      </div>
      <UploadForm />
      <section aria-labelledby="recent-imports" className="space-y-2">
        <h2 id="recent-imports" className="text-lg font-semibold">
          {t("recent")}
        </h2>
        {imports.length === 0 ? (
          <p className="text-sm text-slate-600">{t("none")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-sm">
              <caption className="sr-only">{t("recent")}</caption>
              <thead className="bg-slate-50 text-left text-slate-700">
                <tr>
                  <th className="px-3 py-2">{t("headers.import")}</th>
                  <th className="px-3 py-2">{t("headers.file")}</th>
                  <th className="px-3 py-2">{t("headers.holds")}</th>
                  <th className="px-3 py-2">{t("headers.state")}</th>
                  <th className="px-3 py-2 text-right">{t("headers.rows")}</th>
                  <th className="px-3 py-2 text-right">{t("headers.withErrors")}</th>
                  <th className="px-3 py-2">{t("headers.byWhen")}</th>
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
                    <td className="px-3 py-2">{i.summary.table ?? t("notRecognised")}</td>
                    <td className="px-3 py-2">{t(`states.${i.state}`)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{f.number(i.rows)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{f.number(i.errorRows)}</td>
                    <td className="px-3 py-2 text-slate-600">
                      {i.uploadedBy?.name ?? "—"}, {f.instant(i.createdAt)}
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
