import Link from "next/link";
import { getCountryName, getFormat, getTranslations } from "@/lib/i18n/server";
import { StatusBadge } from "@/components/ui/status-badge";
import type { PresenceSummary } from "@/lib/data/presences";
import { SourceList } from "./source-list";

export async function PresenceStatusTable({
  rows,
  caption,
  query = "",
  showCountry = false,
  emptyMessage,
}: {
  rows: PresenceSummary[];
  caption: string;
  query?: string;
  showCountry?: boolean;
  emptyMessage?: string;
}) {
  const [t, f, countryName] = [await getTranslations("view"), await getFormat(), await getCountryName()];
  if (rows.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">{emptyMessage ?? t("noMatchingPresence")}</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-3">
              {t("org")}
            </th>
            {showCountry && (
              <th scope="col" className="px-4 py-3">
                {t("country")}
              </th>
            )}
            <th scope="col" className="px-4 py-3">
              {t("status")}
            </th>
            <th scope="col" className="px-4 py-3">
              {t("since")}
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              {t("peopleAffected")}
            </th>
            <th scope="col" className="px-4 py-3">
              {t("sources")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => (
            <tr key={row.presenceId} className="align-top" data-testid="presence-row">
              <th scope="row" className="px-4 py-3 font-normal">
                <Link
                  href={`/organisations/${row.organisation.id}${query}`}
                  className="block font-medium text-slate-900 underline decoration-slate-300 hover:decoration-slate-900"
                >
                  {row.organisation.name}
                </Link>
                <span className="block text-xs text-slate-500">
                  {row.organisation.acronym && row.organisation.acronym.toLowerCase() !== row.organisation.name.toLowerCase()
                    ? `${row.organisation.acronym} · `
                    : ""}
                  {f.labels.organisationType[row.organisation.type]}
                </span>
              </th>
              {showCountry && (
                <td className="px-4 py-3">
                  <Link href={`/countries/${row.country.iso3}${query}`} className="underline decoration-slate-300 hover:decoration-slate-900">
                    {countryName(row.country.iso3, row.country.name)}
                  </Link>
                </td>
              )}
              <td className="px-4 py-3">
                <StatusBadge status={row.status} />
              </td>
              <td className="whitespace-nowrap px-4 py-3">
                {row.since && row.sincePrecision ? f.date(row.since, row.sincePrecision) : "—"}
                {row.disputed && (
                  <span className="mt-1 block w-fit rounded border border-status-restricted/40 px-1.5 text-xs font-medium text-status-restricted">
                    {t("disputedBetween")}
                  </span>
                )}
              </td>
              <td className="px-4 py-3 text-right tabular-nums">
                {row.peopleAffected === null ? <span className="text-slate-500">—</span> : f.number(row.peopleAffected)}
              </td>
              <td className="px-4 py-3">
                <details>
                  <summary className="cursor-pointer text-status-operating">{t("sourceCount", { count: row.sources.length })}</summary>
                  <div className="mt-2 max-w-md">
                    <SourceList sources={row.sources} />
                  </div>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
