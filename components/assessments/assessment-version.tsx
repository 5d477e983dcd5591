// One version of an assessment as people read it: the level (number and ACAPS's words), the
// period and when it was published, an override with its reason, the nine indicators as a
// row of scored cells (each opening its rationale and the events cited), and what changed in
// that evidence since publication. Used by the country page and the assessment's own page.
import Link from "next/link";
import type { AssessmentVersionView } from "@/lib/data/assessments";
import { ACCESS_LEVEL_LABELS, accessLevelText } from "@/lib/domain/assessments";
import { CATEGORY } from "@/lib/domain/constraints";
import { getFormat, getTranslations } from "@/lib/i18n/server";

export async function AssessmentVersion({
  period,
  version,
  children,
}: {
  period: { from: string; to: string };
  version: AssessmentVersionView;
  children?: React.ReactNode;
}) {
  const [t, f] = [await getTranslations("countryAssessments"), await getFormat()];
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="rounded-md border-2 border-slate-800 px-2 py-0.5 text-base font-semibold text-slate-900" data-testid="access-level">
          {version.level === null ? t("noLevel") : t("latest", { level: version.level, label: ACCESS_LEVEL_LABELS[f.locale][version.level] })}
        </span>
        <span className="text-sm text-slate-600">
          {version.publishedAt
            ? t("period", { from: f.isoDate(period.from), to: f.isoDate(period.to), version: version.version, date: f.instant(version.publishedAt) })
            : t("periodDraft", { from: f.isoDate(period.from), to: f.isoDate(period.to), version: version.version })}
        </span>
      </p>
      {version.override && (
        <p className="text-sm text-slate-700">
          {version.computedLevel === null
            ? t("overrideOpen", { reason: version.override.reason })
            : t("override", { computed: accessLevelText(version.computedLevel, f.locale), reason: version.override.reason })}
        </p>
      )}
      <ul className="grid grid-cols-3 items-start gap-2 lg:grid-cols-9" aria-label={t("indicatorsCaption")} data-testid="indicator-cells">
        {version.indicators.map((indicator) => (
          <li key={indicator.category} className="min-w-0">
            <details className="group rounded-md border border-slate-300 bg-slate-50 p-2 open:bg-white">
              <summary className="cursor-pointer list-none text-center">
                <span className="block text-2xl font-semibold tabular-nums text-slate-900">{indicator.score === null ? t("gap") : indicator.score}</span>
                <span className="sr-only">{indicator.score === null ? t("gapLabel") : t("scoreLabel", { score: indicator.score })}: </span>
                <span className="block hyphens-auto break-words text-xs leading-tight text-slate-700">{CATEGORY[indicator.category][f.locale]}</span>
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
      <p className="text-xs text-slate-600">{t("cellsHelp")}</p>
      {children}
      {version.evidenceChanged.length > 0 && (
        <p role="status" className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="evidence-changed">
          {t("changed")}{" "}
          {version.evidenceChanged.map((c, i) => (
            <span key={`${c.category}-${c.eventId}`}>
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
  );
}
