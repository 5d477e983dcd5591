"use client";
// Scoring a country's access for a period: for each of ACAPS's nine indicators a score (or an
// information gap), a rationale, and the proposed events to keep as its evidence (all kept at
// first; the analyst removes what does not support the score). The level follows from the
// scores by the rule in lib/domain/assessments.ts, shown as it changes; an override needs a reason.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { createAssessmentAction } from "@/lib/actions/assessments";
import { callAction } from "@/lib/actions/call";
import { ACCESS_LEVELS, accessLevel, accessLevelText, type IndicatorScores } from "@/lib/domain/assessments";
import { CATEGORY, PILLAR_LABELS, PILLARS, categoriesOf, type Category } from "@/lib/domain/constraints";
import { CATEGORIES } from "@/lib/domain/constraint-codes";
import type { ActionFailure } from "@/lib/actions/action";
import { useFormat } from "@/components/i18n/use-format";
import { Button } from "@/components/ui/button";
import { DraftCheckbox, FIELD, FieldError, FormAlert, LABEL } from "@/components/forms/field-kit";

export interface ProposedEvent {
  id: number;
  occurredOn: string;
  datePrecision: string;
  summary: string;
  organisationName: string | null;
}

interface Props {
  iso3: string;
  /** The area assessed (ISO 3166-2), or null for the whole country. */
  area: string | null;
  from: string;
  to: string;
  proposals: Record<Category, ProposedEvent[]>;
}

type Draft = { score: string; rationale: string; kept: Set<number> };

export function AssessmentForm({ iso3, area, from, to, proposals }: Props) {
  const t = useTranslations("assessments");
  const f = useFormat();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [drafts, setDrafts] = useState<Record<Category, Draft>>(
    () => Object.fromEntries(CATEGORIES.map((c) => [c, { score: "", rationale: "", kept: new Set(proposals[c].map((e) => e.id)) }])) as Record<Category, Draft>,
  );
  const [overriding, setOverriding] = useState(false);
  const update = (category: Category, patch: Partial<Draft>) => setDrafts((all) => ({ ...all, [category]: { ...all[category], ...patch } }));
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, drafts[c].score === "X" ? null : drafts[c].score === "" ? null : Number(drafts[c].score)]),
  ) as IndicatorScores;
  const complete = CATEGORIES.every((c) => drafts[c].score !== "");
  const outcome = accessLevel(scores);
  const errors = failure?.fieldErrors ?? {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const indicators = Object.fromEntries(
      CATEGORIES.map((c) => [
        c,
        {
          score: drafts[c].score === "X" ? null : drafts[c].score === "" ? undefined : Number(drafts[c].score),
          rationale: drafts[c].rationale,
          eventIds: proposals[c].filter((e) => drafts[c].kept.has(e.id)).map((e) => e.id),
        },
      ]),
    );
    const override = overriding ? { level: Number(form.get("overrideLevel")), reason: String(form.get("overrideReason") ?? "") } : null;
    setPending(true);
    void callAction(() =>
      createAssessmentAction({ country: iso3, ...(area ? { area } : {}), from, to, indicators, override, draft: form.get("saveAsDraft") === "on" }),
    ).then((result) => {
      setPending(false);
      // An area's assessment opens its own page; the country's, the country page's Access level.
      if (result.ok && area) router.push(`/assessments/${result.value.id}`);
      else if (result.ok) router.push(`/countries/${iso3}?assessment=${result.value.id}${result.value.reviewState === "DRAFT" ? "&draft=1" : ""}#assessment`);
      else setFailure(result);
    });
  }

  const levelText = (level: number | null) => accessLevelText(level, f.locale, t("noLevel"));

  return (
    <form onSubmit={submit} noValidate className="space-y-5" data-testid="assessment-form">
      <FormAlert text={failure?.error} />
      {PILLARS.map((pillar) => (
        <fieldset key={pillar} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 text-sm font-semibold text-slate-800">{PILLAR_LABELS[pillar][f.locale]}</legend>
          {categoriesOf(pillar).map((category) => {
            const draft = drafts[category];
            const error = errors[`indicators.${category}.score`] ?? errors[`indicators.${category}`] ?? errors[`indicators.${category}.eventIds`];
            return (
              <div
                key={category}
                className="space-y-2 border-t border-slate-100 pt-3 first-of-type:border-t-0 first-of-type:pt-0"
                data-testid={`indicator-${category}`}
              >
                <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_12rem]">
                  <p className="text-sm font-medium text-slate-900" id={`${category}-name`}>
                    {CATEGORY[category][f.locale]}
                  </p>
                  <label className={LABEL}>
                    {t("score")}
                    <select
                      value={draft.score}
                      onChange={(e) => update(category, { score: e.target.value })}
                      className={FIELD}
                      aria-describedby={`${category}-name`}
                      aria-invalid={Boolean(error)}
                    >
                      <option value="" disabled>
                        {t("chooseScore")}
                      </option>
                      {[0, 1, 2, 3].map((score) => (
                        <option key={score} value={String(score)}>
                          {t(`scores.${score as 0 | 1 | 2 | 3}`)}
                        </option>
                      ))}
                      <option value="X">{t("gap")}</option>
                    </select>
                  </label>
                </div>
                <label className={LABEL}>
                  {t("rationale")}
                  <textarea
                    rows={2}
                    value={draft.rationale}
                    onChange={(e) => update(category, { rationale: e.target.value })}
                    className={FIELD}
                    aria-describedby={`${category}-name`}
                    aria-invalid={Boolean(errors[`indicators.${category}.rationale`])}
                  />
                  <FieldError text={errors[`indicators.${category}.rationale`]} />
                </label>
                <div className="text-sm">
                  <p className="text-xs font-medium text-slate-600">
                    {proposals[category].length ? t("evidence", { count: proposals[category].length }) : t("noEvidence")}
                  </p>
                  <ul className="mt-1 space-y-1">
                    {proposals[category].map((e) => (
                      <li key={e.id}>
                        <label className="flex items-start gap-2">
                          <input
                            type="checkbox"
                            className="mt-0.5 size-4"
                            checked={draft.kept.has(e.id)}
                            onChange={() => {
                              const kept = new Set(draft.kept);
                              if (kept.has(e.id)) kept.delete(e.id);
                              else kept.add(e.id);
                              update(category, { kept });
                            }}
                          />
                          <span>
                            <span className="font-medium">{f.isoDate(e.occurredOn, e.datePrecision as "DAY")}</span>
                            {e.organisationName ? ` · ${e.organisationName}` : ""}: {e.summary}
                          </span>
                        </label>
                      </li>
                    ))}
                  </ul>
                </div>
                <FieldError text={error} />
              </div>
            );
          })}
        </fieldset>
      ))}
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-live="polite">
        <p className="text-sm text-slate-800" data-testid="computed-level">
          {complete ? t("computed", { level: levelText(outcome.computed), gaps: outcome.gaps }) : t("scoreAll")}
        </p>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={overriding} onChange={(e) => setOverriding(e.target.checked)} className="size-4" />
          {t("override")}
        </label>
        {overriding && (
          <div className="grid gap-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
            <label className={LABEL}>
              {t("overrideLevel")}
              <select name="overrideLevel" defaultValue={String(outcome.computed ?? 3)} className={FIELD}>
                {ACCESS_LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {levelText(level)}
                  </option>
                ))}
              </select>
            </label>
            <label className={LABEL}>
              {t("overrideReason")}
              <textarea name="overrideReason" rows={2} className={FIELD} aria-invalid={Boolean(errors["override.reason"])} />
              <FieldError text={errors["override.reason"]} />
            </label>
          </div>
        )}
        <DraftCheckbox label={t("saveAsDraft")} help={t("draftHelp")} />
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
      </section>
    </form>
  );
}
