import type { Metadata } from "next";
import { PresenceStatusTable } from "@/components/tables/presence-status-table";
import { requireActor } from "@/lib/auth/session";
import { getCountryName, listCountryPresences } from "@/lib/data/presences";
import { STATUSES, STATUS_LABELS } from "@/lib/domain/vocabulary";

export const metadata: Metadata = { title: "Overview" };

// The first data set is Niger; the dashboard issue widens this page to every country.
const FOCUS_COUNTRY = "NER";

export default async function OverviewPage() {
  const actor = await requireActor();
  const [countryName, rows] = await Promise.all([
    getCountryName(actor, FOCUS_COUNTRY),
    listCountryPresences(actor, FOCUS_COUNTRY),
  ]);
  const counts = STATUSES.map((status) => ({ status, count: rows.filter((r) => r.status === status).length }));

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{countryName ?? FOCUS_COUNTRY}: who can still work here</h1>
        <p className="mt-1 text-slate-600">
          Current status of every organisation recorded in {countryName ?? FOCUS_COUNTRY}, derived from published, sourced events.
        </p>
      </div>
      <dl className="grid grid-cols-3 gap-3 sm:max-w-lg">
        {counts.map(({ status, count }) => (
          <div key={status} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-xs uppercase tracking-wide text-slate-500">{STATUS_LABELS[status]}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{count}</dd>
          </div>
        ))}
      </dl>
      <PresenceStatusTable rows={rows} caption={`Organisations in ${countryName ?? FOCUS_COUNTRY} and their current status`} />
    </div>
  );
}
