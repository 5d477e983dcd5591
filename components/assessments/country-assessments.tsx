// A country's access level: the latest published assessment as of the view date (its level,
// the nine indicators as a row of scored cells, each opening its rationale and evidence, and
// what changed in that evidence since publication), and the level over time as a table with
// a bar for each level. Scores and levels are written as numbers and words: no colour needed.
import Link from "next/link";
import type { Actor } from "@/lib/domain/actor";
import { getAssessment, listAssessments, listDraftAssessments } from "@/lib/data/assessments";
import { ACCESS_LEVEL_LABELS, accessLevelText, indicatorChanges, levelChange, type AccessLevel } from "@/lib/domain/assessments";
import { CATEGORY } from "@/lib/domain/constraints";
import { can } from "@/lib/domain/permissions";
import { endOfDay } from "@/lib/domain/partial-date";
import { getFormat, getTranslations } from "@/lib/i18n/server";
import { PublishAssessmentButton } from "./publish-assessment-button";

export async function CountryAssessments({ actor, iso3, name, asOf }: { actor: Actor; iso3: string; name: string; asOf: Date }) {
  const [t, f] = [await getTranslations("countryAssessments"), await getFormat()];
  // As of a day: what was published by its end.
  const published = (await listAssessments(actor, { country: iso3, asOf: endOfDay(asOf) })).filter((a) => a.area === null);
  const drafts = can(actor.role, "editEvents") ? await listDraftAssessments(actor, iso3) : [];
  const latest = published[0];
  const detail = latest ? await getAssessment(actor, latest.id) : null;
  const version = detail?.versions.find((v) => v.version === latest?.version);
  const previous = published[1];
  const moved = latest && previous ? indicatorChanges(previous.scores, latest.scores) : [];
  const periodText = (a: { from: string; to: string }) => `${f.isoDate(a.from)} – ${f.isoDate(a.to)}`;
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
        <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="rounded-md border-2 border-slate-800 px-2 py-0.5 text-base font-semibold text-slate-900" data-testid="access-level">
              {latest.level === null ? "—" : t("latest", { level: latest.level, label: ACCESS_LEVEL_LABELS[f.locale][latest.level] })}
            </span>
            <span className="text-sm text-slate-600">
              {t("period", { from: f.isoDate(latest.from), to: f.isoDate(latest.to), version: latest.version, date: f.instant(latest.publishedAt) })}
            </span>
          </p>
          {latest.override && (
            <p className="text-sm text-slate-700">
              {latest.computedLevel === null
                ? t("overrideOpen", { reason: latest.override.reason })
                : t("override", { computed: levelLabel(latest.computedLevel), reason: latest.override.reason })}
            </p>
          )}
          <ul className="grid grid-cols-3 items-start gap-2 lg:grid-cols-9" aria-label={t("indicatorsCaption")} data-testid="indicator-cells">
            {version.indicators.map((indicator) => (
              <li key={indicator.category} className="min-w-0">
                <details className="group rounded-md border border-slate-300 bg-slate-50 p-2 open:bg-white">
                  <summary className="cursor-pointer list-none text-center">
                    <span className="block text-2xl font-semibold tabular-nums text-slate-900">{indicator.score === null ? t("gap") : indicator.score}</span>
                    <span className="sr-only">{indicator.score === null ? t("gapLabel") : t("scoreLabel", { score: indicator.score })}: </span>
                    <span className="block text-xs leading-tight text-slate-700">{CATEGORY[indicator.category][f.locale]}</span>
                  </summary>
                  <div className="mt-2 space-y-1 text-xs text-slate-700">
                    <p>{indicator.rationale}</p>
                    {indicator.evidence.length === 0 ? (
                      <p className="text-slate-500">{t("noEvidence")}</p>
                    ) : (
                      <ul className="space-y-1">
                        {indicator.evidence.map((e) => (
                          <li key={e.id}>
                            <Link href={`/events/${e.id}`} className="underline">
                              {f.isoDate(e.occurredOn, e.datePrecision as "DAY")}
                            </Link>
                            {e.changed ? ` (${t(`changes.${e.changed}`)})` : ""}: {e.summary}
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                </details>
              </li>
            ))}
          </ul>
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
          {version.evidenceChanged.length > 0 && (
            <p role="status" className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="evidence-changed">
              {t("changed")}{" "}
              {version.evidenceChanged.map((c, i) => (
                <span key={c.eventId}>
                  {i > 0 && "; "}
                  <Link href={`/events/${c.eventId}`} className="underline">
                    {CATEGORY[c.category][f.locale]}
                  </Link>{" "}
                  {t(`changes.${c.change}`)}
                </span>
              ))}
            </p>
          )}
        </div>
      )}
      {published.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
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
                    <td className="px-3 py-2 whitespace-nowrap">
                      {f.isoDate(a.from)} – {f.isoDate(a.to)}
                    </td>
                    <td className="px-3 py-2">
                      <span className="flex items-center gap-2">
                        {/* The bar is the chart: its length is the level; the number and words say it too. */}
                        <span aria-hidden className="inline-block h-2.5 rounded-sm bg-slate-700" style={{ width: `${((a.level ?? 0) / 5) * 6 + 0.25}rem` }} />
                        {levelLabel(a.level)}
                      </span>
                    </td>
                    <td className="px-3 py-2">{change ? t(change) : i === published.length - 1 ? t("first") : "—"}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{f.instant(a.publishedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
