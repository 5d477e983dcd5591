// A country's access level: the latest published assessment as of the view date (its level,
// the nine indicators as a row of scored cells, each opening its rationale and evidence, and
// what changed in that evidence since publication), and the level over time as a table with
// a bar for each level. Scores and levels are written as numbers and words: no colour needed.
import Link from "next/link";
import type { Actor } from "@/lib/domain/actor";
import { getAssessment, listAssessments, listDraftAssessments } from "@/lib/data/assessments";
import { accessLevelText, isWholeMonth, indicatorChanges, levelChange, type AccessLevel } from "@/lib/domain/assessments";
import { CATEGORY } from "@/lib/domain/constraints";
import { can } from "@/lib/domain/permissions";
import { endOfDay } from "@/lib/domain/partial-date";
import { getFormat, getTranslations } from "@/lib/i18n/server";
import { PublishAssessmentButton } from "./publish-assessment-button";
import { AccessLevelChart } from "./access-level-chart";
import { AssessmentVersion } from "./assessment-version";
import { areaByCode } from "@/lib/domain/areas";

export async function CountryAssessments({ actor, iso3, name, asOf }: { actor: Actor; iso3: string; name: string; asOf: Date }) {
  const [t, f] = [await getTranslations("countryAssessments"), await getFormat()];
  // As of a day: what was published by its end.
  const all = await listAssessments(actor, { country: iso3, asOf: endOfDay(asOf) });
  const published = all.filter((a) => a.area === null);
  // Each assessed area's latest assessment (the list is latest period first).
  const areas = [
    ...new Map(
      all
        .filter((a) => a.area !== null)
        .map((a) => [a.area!, a] as const)
        .reverse(),
    ).values(),
  ].sort((a, b) => (areaByCode(a.area!)?.name ?? a.area!).localeCompare(areaByCode(b.area!)?.name ?? b.area!, f.locale));
  const drafts = can(actor.role, "editEvents") ? await listDraftAssessments(actor, iso3) : [];
  const latest = published[0];
  const detail = latest ? await getAssessment(actor, latest.id) : null;
  const version = detail?.versions.find((v) => v.version === latest?.version);
  const previous = published[1];
  const moved = latest && previous ? indicatorChanges(previous.scores, latest.scores) : [];
  const periodText = (a: { from: string; to: string }) => `${f.isoDate(a.from)} – ${f.isoDate(a.to)}`;
  // In the narrow history table, a whole month reads as "Feb 2025".
  const shortPeriod = (a: { from: string; to: string }) => (isWholeMonth(a.from, a.to) ? f.isoDate(a.from, "MONTH") : periodText(a));
  const levelLabel = (level: AccessLevel | null) => accessLevelText(level, f.locale);

  return (
    <section id="assessment" aria-labelledby="assessment-title" className="space-y-3" data-testid="country-assessment">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="assessment-title" className="text-lg font-semibold">
          {t("heading")}
        </h2>
        {can(actor.role, "editEvents") && (
          <Link href={`/countries/${iso3}/assessments/new`} className="text-sm font-medium text-slate-900 underline">
            {t("assess", { country: name })}
          </Link>
        )}
      </div>
      {drafts.map((d) => (
        <p
          key={d.id}
          className="flex flex-wrap items-center gap-2 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950"
          data-testid="assessment-draft"
        >
          {t("draftWaiting", { period: `${f.isoDate(d.from)} – ${f.isoDate(d.to)}` })}
          <PublishAssessmentButton id={d.id} version={d.version} />
        </p>
      ))}
      {!latest || !version ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">{t("none", { country: name })}</p>
      ) : (
        <AssessmentVersion period={latest} version={version}>
          {previous && (
            <div className="text-sm text-slate-700" data-testid="since-previous">
              {moved.length === 0 ? (
                <p>{t("noChangeSince", { period: periodText(previous) })}</p>
              ) : (
                <>
                  <p>{t("sincePrevious", { period: periodText(previous) })}</p>
                  <ul className="mt-1 list-disc space-y-0.5 pl-5">
                    {moved.map((m) => {
                      const cited = version.indicators.find((i) => i.category === m.category)?.evidence ?? [];
                      return (
                        <li key={m.category}>
                          {t("moved", { indicator: CATEGORY[m.category][f.locale], from: m.from ?? t("gap"), to: m.to ?? t("gap") })} (
                          {t(`directions.${m.direction}`)})
                          {cited.length > 0 && (
                            <>
                              {" "}
                              · {t("explainedBy")}{" "}
                              {cited.map((e, i) => (
                                <span key={e.id}>
                                  {i > 0 && ", "}
                                  <Link href={`/events/${e.id}`} className="underline">
                                    {f.isoDate(e.occurredOn, e.datePrecision as "DAY")}
                                  </Link>
                                </span>
                              ))}
                            </>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </>
              )}
            </div>
          )}
          <p className="text-sm">
            <Link href={`/assessments/${latest.id}`} className="font-medium text-slate-900 underline">
              {t("open")}
            </Link>
          </p>
        </AssessmentVersion>
      )}
      {published.length > 0 && (
        <div className="grid items-start gap-3 lg:grid-cols-2">
          <div>
            <AccessLevelChart points={[...published].reverse().map((a) => ({ from: a.from, to: a.to, level: a.level }))} />
          </div>
          {/* The chart's numbers: focusable, so that a long history scrolls by keyboard too. */}
          <div className="max-h-80 overflow-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} role="region" aria-label={t("history")}>
            <table className="w-full text-left text-sm">
              <caption className="px-3 pt-2 text-left font-semibold text-slate-900">{t("history")}</caption>
              <thead className="text-xs text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t("periodHeader")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("levelHeader")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("changeHeader")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("publishedHeader")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {published.map((a, i) => {
                  const change = levelChange(published[i + 1]?.level, a.level);
                  return (
                    <tr key={a.id} className="border-t border-slate-100">
                      <td className="px-3 py-2 whitespace-nowrap">{shortPeriod(a)}</td>
                      <td className="px-3 py-2">{levelLabel(a.level)}</td>
                      <td className="px-3 py-2">{change ? t(change) : i === published.length - 1 ? t("first") : "—"}</td>
                      <td className="px-3 py-2 whitespace-nowrap">{f.isoDate(a.publishedAt.slice(0, 10))}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {areas.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" data-testid="area-assessments">
          <table className="w-full text-left text-sm">
            <caption className="px-3 pt-2 text-left font-semibold text-slate-900">{t("areas")}</caption>
            <thead className="text-xs text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("areaHeader")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("periodHeader")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("levelHeader")}
                </th>
              </tr>
            </thead>
            <tbody>
              {areas.map((a) => (
                <tr key={a.id} className="border-t border-slate-100">
                  <td className="px-3 py-2">
                    <Link href={`/assessments/${a.id}`} className="font-medium underline">
                      {areaByCode(a.area!)?.name ?? a.area}
                    </Link>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{periodText(a)}</td>
                  <td className="px-3 py-2">{levelLabel(a.level)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
