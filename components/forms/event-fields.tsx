"use client";
import { useTranslations } from "use-intl";
import { useFormat } from "@/components/i18n/use-format";
// The fields of a sourced status change, shared by "Change status" and "Add to a country":
// the new status, what happened (only the kinds that may lead to that status,
// lib/domain/kind-status.ts), when (as precisely as it is known), a summary, people
// affected, confidence, and at least one source. The last confidence, precision and
// source choice are remembered for the session (remembered-choices.ts).
import { useState } from "react";
import { StatusBadge } from "@/components/ui/status-badge";
import { Button } from "@/components/ui/button";
import { kindsLeadingTo } from "@/lib/domain/kind-status";
import {
  CATEGORIES,
  categoriesOf,
  CATEGORY,
  DEFAULT_CATEGORY,
  PILLAR_LABELS,
  PILLARS,
  SUBTYPE,
  SUBTYPES,
  type Category,
  type Subtype,
} from "@/lib/domain/constraints";
import { LIMITS } from "@/lib/domain/limits";
import { CONFIDENCES, EVENT_KINDS, STATUSES, type Confidence, type DatePrecision, type EventKind, type Status } from "@/lib/domain/vocabulary";
import { FIELD, FieldError, LABEL, DraftCheckbox } from "./field-kit";
import { PartialDateField } from "./partial-date-field";
import { DEFAULT_CHOICES, rememberChoices, useRememberedChoices } from "./remembered-choices";

type SourceDraft =
  { mode: "existing"; sourceId: string; quote: string } | { mode: "new"; publisher: string; title: string; url: string; publishedOn: string; quote: string };

const newSource = (quote = ""): SourceDraft => ({ mode: "new", publisher: "", title: "", url: "", publishedOn: "", quote });
const knownSource = (quote = ""): SourceDraft => ({ mode: "existing", sourceId: "", quote });

export interface SourceOption {
  id: number;
  label: string;
}

/** The draft of one status change: what the fields show, and the change to send. */
export function useEventDraft(sourceOptions: SourceOption[]) {
  // What the analyst chose here, else what they chose last time (remembered-choices.ts),
  // else the defaults. The remembered choices exist only in the browser, after hydration.
  const remembered = useRememberedChoices() ?? DEFAULT_CHOICES;
  const [status, setStatus] = useState<Status | null>(null);
  const [kind, setKind] = useState<EventKind | "">("");
  // The category follows the kind's default until the analyst chooses one ("" is none).
  const [categoryChosen, setCategory] = useState<Category | "" | null>(null);
  const [subtype, setSubtype] = useState<Subtype | "">("");
  const category = categoryChosen ?? (kind ? (DEFAULT_CATEGORY[kind] ?? "") : "");
  const [confidenceChosen, setConfidence] = useState<Confidence | null>(null);
  const [dateChosen, setDate] = useState<{ value: string; precision: DatePrecision } | null>(null);
  const [sourcesChosen, setSources] = useState<SourceDraft[] | null>(null);
  const confidence = confidenceChosen ?? remembered.confidence;
  const date = dateChosen ?? { value: "", precision: remembered.datePrecision };
  const sources = sourcesChosen ?? [sourceOptions.length && remembered.sourceMode === "existing" ? knownSource() : newSource()];

  return {
    status,
    setStatus: (next: Status | null) => {
      setStatus(next);
      if (next && kind && !kindsLeadingTo(next).includes(kind)) setKind("");
    },
    kind,
    setKind: (next: EventKind | "") => {
      setKind(next);
    },
    category,
    setCategory: (next: Category | "") => {
      setCategory(next);
      if (subtype && SUBTYPE[subtype].category !== next) setSubtype("");
    },
    subtype,
    setSubtype: (next: Subtype | "") => {
      setSubtype(next);
      if (next) setCategory(SUBTYPE[next].category); // a subtype brings its category
    },
    confidence,
    setConfidence: (next: Confidence) => {
      setConfidence(next);
    },
    date,
    setDate: (value: string, precision: DatePrecision) => {
      setDate({ value, precision });
    },
    sources,
    setSources: (update: (list: SourceDraft[]) => SourceDraft[]) => setSources(update(sources)),
    sourceOptions,
    /** The change as the server reads it (statusChangeSchema, without the version). */
    read(form: FormData) {
      return {
        status: status ?? undefined,
        kind: kind || undefined,
        occurredOn: form.get("occurredOn"),
        datePrecision: date.precision,
        summary: form.get("summary"),
        peopleAffected: form.get("peopleAffected"),
        confidence,
        category: category || null,
        subtype: subtype || null,
        ...(form.get("saveAsDraft") === "on" ? { draft: true } : {}),
        sources: sources.map((s) =>
          s.mode === "existing"
            ? { sourceId: s.sourceId, quote: s.quote }
            : { publisher: s.publisher, title: s.title, url: s.url, publishedOn: s.publishedOn, quote: s.quote },
        ),
      };
    },
    /** After a save: the next event starts with these choices. */
    remember() {
      rememberChoices({ confidence, datePrecision: date.precision, sourceMode: sources.at(-1)?.mode ?? "existing" });
    },
  };
}

export type EventDraft = ReturnType<typeof useEventDraft>;

interface EventFieldsProps {
  draft: EventDraft;
  errors: Record<string, string>;
  /** Whose status changes, e.g. "ICRC in Niger". */
  subject: string;
  /** A constraint of a country: the status is optional ("No change") and applies to each organisation concerned. */
  statusOptional?: boolean;
  /** Why no status can be chosen (a whole-country constraint): the statuses are disabled, with this said. */
  statusLocked?: string;
}

export function EventFields({ draft, errors, subject, statusOptional = false, statusLocked }: EventFieldsProps) {
  const t = useTranslations("fields");
  const { locale, labels } = useFormat();
  const err = (name: string) => errors[name];
  const invalid = (name: string) => ({ "aria-invalid": Boolean(err(name)), "aria-describedby": err(name) ? `${name}-error` : undefined });
  // Help text sits beside the label, not inside it, so that the field's name stays its label.
  const described = (name: string, helpId?: string) => ({
    "aria-invalid": Boolean(err(name)),
    "aria-describedby": [helpId, err(name) ? `${name}-error` : undefined].filter(Boolean).join(" ") || undefined,
  });
  const { sources, sourceOptions } = draft;
  const updateSource = (index: number, patch: Partial<SourceDraft>) =>
    draft.setSources((list) => list.map((s, i) => (i === index ? ({ ...s, ...patch } as SourceDraft) : s)));
  const kinds = draft.status ? kindsLeadingTo(draft.status) : EVENT_KINDS;

  return (
    <>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{statusOptional ? t("statusOf", { subject }) : t("newStatusOf", { subject })}</legend>
        {statusOptional && <p className="text-xs text-slate-600">{statusLocked ?? t("statusHelp")}</p>}
        <div className="flex flex-wrap gap-3">
          {statusOptional && (
            <label className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm has-[:checked]:border-slate-900 has-[:checked]:bg-slate-50">
              <input type="radio" name="status" value="" checked={draft.status === null} onChange={() => draft.setStatus(null)} className="size-4" />
              {t("noChange")}
            </label>
          )}
          {STATUSES.map((s) => (
            <label
              key={s}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 has-[:checked]:border-slate-900 has-[:checked]:bg-slate-50 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-50"
            >
              <input
                type="radio"
                name="status"
                value={s}
                checked={draft.status === s}
                disabled={Boolean(statusLocked)}
                onChange={() => draft.setStatus(s)}
                className="size-4"
                aria-label={labels.status[s]}
              />
              <StatusBadge status={s} />
            </label>
          ))}
        </div>
        <FieldError id="status-error" text={err("status")} />
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <div className={LABEL}>
          <label htmlFor="event-kind">{t("whatHappened")}</label>
          <select
            id="event-kind"
            name="kind"
            value={draft.kind}
            onChange={(e) => draft.setKind(e.target.value as EventKind | "")}
            className={FIELD}
            {...described("kind", draft.status ? "kind-help" : undefined)}
          >
            <option value="" disabled>
              {t("choose")}
            </option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {labels.kind[k]}
              </option>
            ))}
          </select>
          {draft.status && (
            <span id="kind-help" className="text-xs font-normal text-slate-600">
              {t("kindHelp", { status: labels.status[draft.status].toLocaleLowerCase(locale) })}
            </span>
          )}
          <FieldError id="kind-error" text={err("kind")} />
        </div>
        <div className={LABEL}>
          <label htmlFor="event-category">{t("category")}</label>
          <select
            id="event-category"
            name="category"
            value={draft.category}
            onChange={(e) => draft.setCategory(e.target.value as Category | "")}
            className={FIELD}
            {...described("category", "category-help")}
          >
            <option value="">{t("noCategory")}</option>
            {PILLARS.map((pillar) => (
              <optgroup key={pillar} label={PILLAR_LABELS[pillar][locale]}>
                {categoriesOf(pillar).map((c) => (
                  <option key={c} value={c}>
                    {CATEGORY[c][locale]}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <span id="category-help" className="text-xs font-normal text-slate-600">
            {t("categoryHelp")}
          </span>
          <FieldError id="category-error" text={err("category")} />
        </div>
        <label className={LABEL}>
          {t("subtype")}
          <select
            name="subtype"
            value={draft.subtype}
            onChange={(e) => draft.setSubtype(e.target.value as Subtype | "")}
            className={FIELD}
            {...invalid("subtype")}
          >
            <option value="">—</option>
            {/* Every subtype, under its category: choosing one sets its category (an escort requirement is a movement restriction). */}
            {CATEGORIES.filter((c) => SUBTYPES.some((s) => SUBTYPE[s].category === c)).map((c) => (
              <optgroup key={c} label={CATEGORY[c][locale]}>
                {SUBTYPES.filter((s) => SUBTYPE[s].category === c).map((s) => (
                  <option key={s} value={s}>
                    {SUBTYPE[s][locale]}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <FieldError id="subtype-error" text={err("subtype")} />
        </label>
        <label className={LABEL}>
          {t("confidence")}
          <select
            name="confidence"
            value={draft.confidence}
            onChange={(e) => draft.setConfidence(e.target.value as Confidence)}
            className={FIELD}
            {...invalid("confidence")}
          >
            {CONFIDENCES.map((c) => (
              <option key={c} value={c}>
                {labels.confidence[c]}
              </option>
            ))}
          </select>
          <FieldError id="confidence-error" text={err("confidence")} />
        </label>
        <PartialDateField
          name="occurredOn"
          precisionName="datePrecision"
          value={draft.date.value}
          precision={draft.date.precision}
          onChange={draft.setDate}
          error={err("occurredOn") ?? err("datePrecision")}
        />
        <label className={`${LABEL} sm:col-span-2`}>
          {t("summary")}
          <textarea name="summary" rows={3} maxLength={LIMITS.summary.max} className={FIELD} {...invalid("summary")} placeholder={t("summaryPlaceholder")} />
          <FieldError id="summary-error" text={err("summary")} />
        </label>
        <label className={LABEL}>
          {t("peopleAffected")}
          <input type="text" inputMode="numeric" name="peopleAffected" className={FIELD} {...invalid("peopleAffected")} />
          <FieldError id="peopleAffected-error" text={err("peopleAffected")} />
        </label>
      </div>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-700">{t("sources")}</legend>
        <FieldError id="sources-error" text={err("sources")} />
        {sources.map((source, index) => (
          <div key={index} className="space-y-2 rounded-md border border-slate-200 p-3" data-testid="source-block">
            <div className="flex flex-wrap items-center gap-4 text-sm">
              <label className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name={`source-mode-${index}`}
                  checked={source.mode === "existing"}
                  disabled={!sourceOptions.length}
                  onChange={() => updateSource(index, knownSource(source.quote))}
                />
                {t("citeKnown")}
              </label>
              <label className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name={`source-mode-${index}`}
                  checked={source.mode === "new"}
                  onChange={() => updateSource(index, newSource(source.quote))}
                />
                {t("addNew")}
              </label>
              {sources.length > 1 && (
                <button
                  type="button"
                  className="ml-auto text-sm text-red-700 underline"
                  onClick={() => draft.setSources((list) => list.filter((_, i) => i !== index))}
                >
                  {t("remove")}
                </button>
              )}
            </div>
            {source.mode === "existing" ? (
              <label className={LABEL}>
                {t("source")}
                <select
                  value={source.sourceId}
                  onChange={(e) => updateSource(index, { sourceId: e.target.value })}
                  className={FIELD}
                  {...invalid(`sources.${index}.sourceId`)}
                >
                  <option value="">{t("choose")}</option>
                  {sourceOptions.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
                </select>
                <FieldError id={`sources.${index}.sourceId-error`} text={err(`sources.${index}.sourceId`) ?? err(`sources.${index}`)} />
              </label>
            ) : (
              <div className="grid gap-3 sm:grid-cols-2">
                {(["publisher", "title", "url", "publishedOn"] as const).map((name) => (
                  <label key={name} className={LABEL}>
                    {t(({ publisher: "publisher", title: "sourceTitle", url: "url", publishedOn: "publishedOn" } as const)[name])}
                    <input
                      type={name === "publishedOn" ? "date" : name === "url" ? "url" : "text"}
                      value={source[name]}
                      onChange={(e) => updateSource(index, { [name]: e.target.value })}
                      className={FIELD}
                      {...invalid(`sources.${index}.${name}`)}
                    />
                    <FieldError
                      id={`sources.${index}.${name}-error`}
                      text={err(`sources.${index}.${name}`) ?? (name === "publisher" ? err(`sources.${index}`) : undefined)}
                    />
                  </label>
                ))}
              </div>
            )}
            <label className={LABEL}>
              {t("quote")}
              <textarea
                rows={2}
                maxLength={LIMITS.quote}
                value={source.quote}
                onChange={(e) => updateSource(index, { quote: e.target.value })}
                className={FIELD}
                {...invalid(`sources.${index}.quote`)}
              />
              <FieldError id={`sources.${index}.quote-error`} text={err(`sources.${index}.quote`)} />
            </label>
          </div>
        ))}
        {sources.length < LIMITS.sources && (
          <Button type="button" variant="secondary" size="sm" onClick={() => draft.setSources((list) => [...list, newSource()])}>
            {t("addAnotherSource")}
          </Button>
        )}
      </fieldset>
      <DraftCheckbox label={t("saveAsDraft")} help={t("draftHelp")} />
    </>
  );
}
