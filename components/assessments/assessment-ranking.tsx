// The overview's ranking of countries by access level, like ACAPS's overview, with each
// country's nine indicator scores beside it: a countries × indicators heatmap that reads
// without colour (each cell is its number, or X; the shade only repeats it).
import Link from "next/link";
import type { RankedCountry } from "@/lib/data/assessments";
import { accessLevelText, levelChange, type IndicatorScore } from "@/lib/domain/assessments";
import { CATEGORY, PILLARS, categoriesOf } from "@/lib/domain/constraints";
import { getCountryName, getFormat, getTranslations } from "@/lib/i18n/server";

/** The indicators in ACAPS's order, numbered by pillar: 1.1 … 3.3. */
const INDICATORS = PILLARS.flatMap((pillar, p) => categoriesOf(pillar).map((category, i) => ({ category, code: `${p + 1}.${i + 1}` })));

const SHADE: Record<string, string> = {
  "0": "bg-white text-slate-700",
  "1": "bg-slate-200 text-slate-900",
  "2": "bg-slate-400 text-slate-950",
  "3": "bg-slate-700 text-white",
  X: "bg-white text-slate-500 italic",
};

/**
 * The overview shows the most constrained countries only (all of them with ?ranking=all): a
 * full ranking of 250 countries × nine cells made the page ten times heavier.
 */
export const RANKING_ROWS = 25;

export async function AssessmentRanking({ ranked, query, all = false }: { ranked: readonly RankedCountry[]; query: string; all?: boolean }) {
  const [t, f, countryName] = [await getTranslations("ranking"), await getFormat(), await getCountryName()];
  const shown = all ? ranked : ranked.slice(0, RANKING_ROWS);
  const toggle = `${query ? `${query}&` : "?"}ranking=all#ranking-title`;
  const cell = (score: IndicatorScore) => (score === null ? "X" : String(score));
  return (
    <section aria-labelledby="ranking-title" className="space-y-2" data-testid="assessment-ranking">
      <h2 id="ranking-title" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-slate-600">{t("description")}</p>
      {ranked.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">{t("none")}</p>
      ) : (
        <>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("caption")}</caption>
              <thead className="bg-slate-50 text-xs text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t("country")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("level")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("change")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("period")}
                  </th>
                  {INDICATORS.map((i) => (
                    <th key={i.category} scope="col" className="px-1 py-2 text-center">
                      {/* Screen readers announce each cell with its column's full name, said once here. */}
                      <abbr title={CATEGORY[i.category][f.locale]} aria-hidden>
                        {i.code}
                      </abbr>
                      <span className="sr-only">{CATEGORY[i.category][f.locale]}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => {
                  const change = levelChange(r.previousLevel, r.latest.level);
                  return (
                    <tr key={r.iso3} className="border-t border-slate-100" data-testid="ranking-row" data-iso3={r.iso3} data-level={r.latest.level ?? ""}>
                      <th scope="row" className="px-3 py-2 font-medium">
                        <Link href={`/countries/${r.iso3}${query}#assessment`} className="underline">
                          {countryName(r.iso3, r.name)}
                        </Link>
                      </th>
                      <td className="px-3 py-2 whitespace-nowrap">{accessLevelText(r.latest.level, f.locale)}</td>
                      <td className="px-3 py-2 whitespace-nowrap">{change ? t(change) : t("first")}</td>
                      <td className="px-3 py-2 whitespace-nowrap">
                        {r.latest.from.slice(0, 7) === r.latest.to.slice(0, 7)
                          ? f.isoDate(r.latest.to, "MONTH")
                          : `${f.isoDate(r.latest.from)} – ${f.isoDate(r.latest.to)}`}
                      </td>
                      {INDICATORS.map((i) => {
                        const value = cell(r.latest.scores[i.category]);
                        return (
                          <td
                            key={i.category}
                            data-score={value}
                            className={`border-l border-white px-1 py-2 text-center font-semibold tabular-nums ${SHADE[value]}`}
                          >
                            {value === "X" ? <abbr title={t("gapTitle")}>X</abbr> : value}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {ranked.length > RANKING_ROWS && (
            <p className="text-sm text-slate-700" data-testid="ranking-more">
              {all ? (
                <Link href={`${query || "?"}#ranking-title`} className="underline">
                  {t("showFewer", { count: RANKING_ROWS })}
                </Link>
              ) : (
                <>
                  {t("shownOf", { shown: RANKING_ROWS, total: ranked.length })}{" "}
                  <Link href={toggle} className="font-medium underline">
                    {t("showAll", { total: ranked.length })}
                  </Link>
                </>
              )}
            </p>
          )}
          <details className="text-xs text-slate-600">
            <summary className="cursor-pointer">{t("legend")}</summary>
            <ul className="mt-1 grid gap-x-4 sm:grid-cols-3">
              {INDICATORS.map((i) => (
                <li key={i.category}>
                  <span className="font-semibold">{i.code}</span> {CATEGORY[i.category][f.locale]}
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  );
}
