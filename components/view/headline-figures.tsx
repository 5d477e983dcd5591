import Link from "next/link";
import type { HeadlineFigures } from "@/lib/data/dashboard";
import type { View } from "@/lib/domain/view";
import { twelveMonthsBefore, viewQuery } from "@/lib/domain/view";
import { STATUSES } from "@/lib/domain/vocabulary";
import { getFormat, getTranslations } from "@/lib/i18n/server";

/** The headline numbers; each links to the table of what it counts. */
export async function HeadlineFigureCards({ figures, view, path }: { figures: HeadlineFigures; view: View; path: string }) {
  const [t, f] = [await getTranslations("view"), await getFormat()];
  const window = { from: f.date(twelveMonthsBefore(view.asOf)), to: f.date(view.asOf) };
  const cards = [
    ...[...STATUSES].reverse().map((status) => ({
      label: t(`figureStatus.${status}`),
      note: t("oncePerCountry"),
      value: figures.presencesByStatus[status],
      href: `${path}${viewQuery(view, { status })}#presences`,
    })),
    {
      label: t("countriesWithExpulsion"),
      note: t("atLeastOneExpelled"),
      value: figures.countriesWithExpulsion,
      href: `${path}${viewQuery(view, { status: "EXPELLED" })}#presences`,
    },
    {
      label: t("peopleLast12"),
      // A zero says why: no expulsion or restriction with a figure in that window.
      note: figures.peopleAffectedLast12Months > 0 ? t("peopleNote", window) : t("peopleNoneNote", window),
      value: figures.peopleAffectedLast12Months,
      href: `${path}${viewQuery(view)}#people-affected`,
    },
  ];
  return (
    <ul className="grid grid-cols-2 gap-3 md:grid-cols-5" data-testid="headline-figures">
      {cards.map((card) => (
        <li key={card.label}>
          <Link href={card.href} className="block h-full rounded-lg border border-slate-200 bg-white p-3 shadow-sm hover:border-slate-400">
            <span className="block text-xs font-medium uppercase tracking-wide text-slate-500">{card.label}</span>
            <span className="mt-1 block text-2xl font-semibold tabular-nums text-slate-900">{f.number(card.value)}</span>
            <span className="block text-xs text-slate-500">{card.note}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
