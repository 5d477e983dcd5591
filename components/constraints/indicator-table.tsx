// ACAPS's nine access indicators for a country: how many constraint events each has in the
// period, the latest one, and a link to them all: the evidence behind a severity score.
import Link from "next/link";
import { getFormat, getTranslations } from "@/lib/i18n/server";
import { CATEGORY, categoriesOf, PILLAR_LABELS, PILLARS } from "@/lib/domain/constraints";
import type { IndicatorRow } from "@/lib/data/constraints";

export async function IndicatorTable({ rows, eventsHref, period }: { rows: IndicatorRow[]; eventsHref: (category: string) => string; period: string }) {
  const [t, f] = [await getTranslations("constraints"), await getFormat()];
  const byCategory = new Map(rows.map((r) => [r.category, r]));
  return (
    <section aria-labelledby="indicators-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="indicator-table">
      <h3 id="indicators-title" className="font-semibold text-slate-900">
        {t("indicatorsTitle")}
      </h3>
      <p className="text-sm text-slate-600">{t("indicatorsDescription", { period })}</p>
      <table className="mt-3 w-full text-sm">
        <caption className="sr-only">{t("indicatorsCaption")}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
            <th scope="col" className="py-1.5 pr-3 font-medium">
              {t("indicator")}
            </th>
            <th scope="col" className="py-1.5 pr-3 text-right font-medium">
              {t("events")}
            </th>
            <th scope="col" className="py-1.5 font-medium">
              {t("latest")}
            </th>
          </tr>
        </thead>
        {PILLARS.map((pillar) => (
          <tbody key={pillar}>
            <tr>
              <th scope="rowgroup" colSpan={3} className="bg-slate-50 px-2 py-1 text-left text-xs font-semibold text-slate-700">
                {PILLAR_LABELS[pillar][f.locale]}
              </th>
            </tr>
            {categoriesOf(pillar).map((category) => {
              const row = byCategory.get(category);
              const events = row?.events ?? 0;
              return (
                <tr key={category} className="border-b border-slate-100 align-top">
                  <th scope="row" className="py-1.5 pr-3 text-left font-normal text-slate-800">
                    {CATEGORY[category][f.locale]}
                  </th>
                  <td className="py-1.5 pr-3 text-right tabular-nums">
                    {events > 0 ? (
                      <Link
                        href={eventsHref(category)}
                        className="underline"
                        aria-label={t("eventsOf", { count: events, category: CATEGORY[category][f.locale] })}
                      >
                        {f.number(events)}
                      </Link>
                    ) : (
                      <span className="text-slate-500">0</span>
                    )}
                  </td>
                  <td className="py-1.5 text-slate-700">
                    {row?.latest ? (
                      <Link href={`/events/${row.latest.id}`} className="line-clamp-2 hover:underline">
                        <span className="font-medium whitespace-nowrap">
                          {f.date(new Date(`${row.latest.occurredOn}T00:00:00Z`), row.latest.datePrecision)}
                        </span>
                        : {row.latest.summary}
                      </Link>
                    ) : (
                      <span className="text-slate-500">—</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </section>
  );
}
