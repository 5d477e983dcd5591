import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import type { PresenceSummary } from "@/lib/data/presences";
import { formatPartialDate } from "@/lib/domain/partial-date";
import { ORGANISATION_TYPE_LABELS } from "@/lib/domain/vocabulary";
import { SourceList } from "./source-list";
import { formatNumber } from "@/lib/domain/format";

export function PresenceStatusTable({
  rows,
  caption,
  query = "",
  showCountry = false,
  emptyMessage = "No organisation with a status matches this view. Try another “as of” date or clear the filters.",
}: {
  rows: PresenceSummary[];
  caption: string;
  query?: string;
  showCountry?: boolean;
  emptyMessage?: string;
}) {
  if (rows.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">{emptyMessage}</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-3">
              Organisation
            </th>
            {showCountry && (
              <th scope="col" className="px-4 py-3">
                Country
              </th>
            )}
            <th scope="col" className="px-4 py-3">
              Status
            </th>
            <th scope="col" className="px-4 py-3">
              Since
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              People affected
            </th>
            <th scope="col" className="px-4 py-3">
              Sources
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
                  {ORGANISATION_TYPE_LABELS[row.organisation.type]}
                </span>
              </th>
              {showCountry && (
                <td className="px-4 py-3">
                  <Link href={`/countries/${row.country.iso3}${query}`} className="underline decoration-slate-300 hover:decoration-slate-900">
                    {row.country.name}
                  </Link>
                </td>
              )}
              <td className="px-4 py-3">
                <StatusBadge status={row.status} />
              </td>
              <td className="whitespace-nowrap px-4 py-3">
                {row.since && row.sincePrecision ? formatPartialDate(row.since, row.sincePrecision) : "—"}
                {row.disputed && (
                  <span className="mt-1 block w-fit rounded border border-status-restricted/40 px-1.5 text-xs font-medium text-status-restricted">
                    Disputed between sources
                  </span>
                )}
              </td>
              <td className="px-4 py-3 text-right tabular-nums">
                {row.peopleAffected === null ? <span className="text-slate-500">—</span> : formatNumber(row.peopleAffected)}
              </td>
              <td className="px-4 py-3">
                <details>
                  <summary className="cursor-pointer text-status-operating">
                    {row.sources.length} {row.sources.length === 1 ? "source" : "sources"}
                  </summary>
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
