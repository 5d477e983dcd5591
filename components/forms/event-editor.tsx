"use client";
// Corrections to one event: edit its fields (including marking it disputed), cite another
// source, or retract it with a reason. Each save is checked against the version shown.
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { editEventAction, linkSourceAction, retractEventAction } from "@/lib/actions/events";
import type { ActionResult } from "@/lib/actions/action";
import { LIMITS } from "@/lib/domain/limits";
import { KIND_STATUSES } from "@/lib/domain/kind-status";
import { CATEGORIES, CATEGORY, SUBTYPE, SUBTYPES } from "@/lib/domain/constraints";
import { CONFIDENCES, EVENT_KINDS, STATUSES, type DatePrecision, type EventKind } from "@/lib/domain/vocabulary";
import { useTranslations } from "use-intl";
import { useFormat } from "@/components/i18n/use-format";
import { dateForPrecision, PartialDateField } from "./partial-date-field";
import { FIELD, FieldError, FormAlert, FormSaved, LABEL, useActionForm } from "./field-kit";
import { Button } from "@/components/ui/button";

export interface EditableEvent {
  id: number;
  version: number;
  kind: string;
  resultingStatus: string | null;
  category: string | null;
  subtype: string | null;
  occurredOn: string;
  datePrecision: string;
  summary: string;
  peopleAffected: number | null;
  confidence: string;
  concernsPresence: boolean;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 open:shadow-sm">
      <summary className="cursor-pointer font-semibold text-slate-900">{title}</summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}

/** One of the editor's three forms: saves, then refreshes the page and says what happened. */
function useSave() {
  const router = useRouter();
  const form = useActionForm();
  const [done, setDone] = useState("");
  const save = <T,>(run: () => Promise<ActionResult<T>>, doneText: string) =>
    form.submit(run, () => {
      setDone(doneText);
      router.refresh();
    });
  const message = form.succeeded ? <FormSaved text={done} /> : <FormAlert compact text={form.failure?.error} />;
  return { pending: form.pending, save, errors: form.errors, message };
}

export function EventEditor({ event }: { event: EditableEvent }) {
  const t = useTranslations("editor");
  const tf = useTranslations("fields");
  const { locale, labels } = useFormat();
  const [kind, setKind] = useState(event.kind as EventKind);
  const [date, setDate] = useState({
    value: dateForPrecision(event.occurredOn, event.datePrecision as DatePrecision),
    precision: event.datePrecision as DatePrecision,
  });
  const edit = useSave();
  const cite = useSave();
  const retract = useSave();

  function submitEdit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const input: Record<string, unknown> = { version: event.version };
    if (data.kind !== event.kind) input.kind = data.kind;
    if ((data.category || null) !== event.category) input.category = data.category || null;
    if ((data.subtype || null) !== event.subtype) input.subtype = data.subtype || null;
    if (event.concernsPresence && (data.resultingStatus || null) !== event.resultingStatus) input.resultingStatus = data.resultingStatus || null;
    if (data.occurredOn !== event.occurredOn) input.occurredOn = data.occurredOn;
    if (data.datePrecision !== event.datePrecision) input.datePrecision = data.datePrecision;
    if (data.summary !== event.summary) input.summary = data.summary;
    if (data.peopleAffected !== (event.peopleAffected === null ? "" : String(event.peopleAffected))) input.peopleAffected = data.peopleAffected;
    if (data.confidence !== event.confidence) input.confidence = data.confidence;
    edit.save(() => editEventAction({ eventId: event.id, input }), t("saved"));
  }

  return (
    <section aria-label={t("correct")} className="space-y-3" data-testid="event-editor">
      <h2 className="text-lg font-semibold">{t("correct")}</h2>
      <Section title={t("editSection")}>
        <form onSubmit={submitEdit} noValidate className="grid gap-3 sm:grid-cols-2">
          <label className={LABEL}>
            {tf("whatHappened")}
            <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as EventKind)} className={FIELD}>
              {EVENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {labels.kind[k]}
                </option>
              ))}
            </select>
            <FieldError text={edit.errors.kind} />
          </label>
          <label className={LABEL}>
            {tf("category")}
            <select name="category" defaultValue={event.category ?? ""} className={FIELD}>
              <option value="">{tf("noCategory")}</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {CATEGORY[c][locale]}
                </option>
              ))}
            </select>
            <FieldError text={edit.errors.category} />
          </label>
          <label className={LABEL}>
            {t("subtype")}
            <select name="subtype" defaultValue={event.subtype ?? ""} className={FIELD}>
              <option value="">—</option>
              {SUBTYPES.map((s) => (
                <option key={s} value={s}>
                  {SUBTYPE[s][locale]} ({CATEGORY[SUBTYPE[s].category][locale]})
                </option>
              ))}
            </select>
            <FieldError text={edit.errors.subtype} />
          </label>
          {event.concernsPresence && (
            <label className={LABEL}>
              {t("leadsTo")}
              <select name="resultingStatus" defaultValue={event.resultingStatus ?? ""} className={FIELD}>
                <option value="">{t("noStatusChange")}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s} disabled={!KIND_STATUSES[kind].includes(s)}>
                    {labels.status[s]}
                    {KIND_STATUSES[kind].includes(s) ? "" : t("notAfter", { kind: labels.kind[kind] })}
                  </option>
                ))}
              </select>
              <FieldError text={edit.errors.resultingStatus} />
            </label>
          )}
          <PartialDateField
            name="occurredOn"
            precisionName="datePrecision"
            value={date.value}
            precision={date.precision}
            onChange={(value, precision) => setDate({ value, precision })}
            error={edit.errors.occurredOn ?? edit.errors.datePrecision}
          />
          <label className={LABEL}>
            {tf("confidence")}
            <select name="confidence" defaultValue={event.confidence} className={FIELD}>
              {CONFIDENCES.map((c) => (
                <option key={c} value={c}>
                  {labels.confidence[c]}
                </option>
              ))}
            </select>
          </label>
          <label className={LABEL}>
            {t("peopleAffected")}
            <input
              name="peopleAffected"
              inputMode="numeric"
              defaultValue={event.peopleAffected ?? ""}
              className={FIELD}
              aria-invalid={Boolean(edit.errors.peopleAffected)}
            />
            <FieldError text={edit.errors.peopleAffected} />
          </label>
          <label className={`${LABEL} sm:col-span-2`}>
            {tf("summary")}
            <textarea
              name="summary"
              rows={3}
              maxLength={LIMITS.summary.max}
              defaultValue={event.summary}
              className={FIELD}
              aria-invalid={Boolean(edit.errors.summary)}
            />
            <FieldError text={edit.errors.summary} />
          </label>
          <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
            <Button type="submit" size="sm" disabled={edit.pending}>
              {edit.pending ? t("saving") : t("saveChanges")}
            </Button>
            <FieldError text={edit.errors.form} />
            {edit.message}
          </div>
        </form>
      </Section>

      <Section title={t("citeSection")}>
        <form
          noValidate
          className="grid gap-3 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            const d = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
            cite.save(
              () =>
                linkSourceAction({
                  eventId: event.id,
                  input: { source: { publisher: d.publisher, title: d.title, url: d.url, publishedOn: d.publishedOn, quote: d.quote }, claim: d.claim },
                }),
              t("sourceAdded"),
            );
          }}
        >
          {(["publisher", "title", "url", "publishedOn"] as const).map((name) => (
            <label key={name} className={LABEL}>
              {tf(({ publisher: "publisher", title: "sourceTitle", url: "url", publishedOn: "publishedOn" } as const)[name])}
              <input name={name} type={name === "publishedOn" ? "date" : "text"} className={FIELD} aria-invalid={Boolean(cite.errors[`source.${name}`])} />
              <FieldError text={cite.errors[`source.${name}`] ?? (name === "publisher" ? cite.errors.source : undefined)} />
            </label>
          ))}
          <label className={LABEL}>
            {t("quote")}
            <textarea name="quote" rows={2} maxLength={LIMITS.quote} className={FIELD} />
          </label>
          <label className={LABEL}>
            {t("claim")}
            <textarea name="claim" rows={2} maxLength={LIMITS.claim} className={FIELD} />
            <FieldError text={cite.errors.claim} />
          </label>
          <div className="flex items-center gap-3 sm:col-span-2">
            <Button type="submit" size="sm" disabled={cite.pending}>
              {cite.pending ? t("adding") : t("addSource")}
            </Button>
            {cite.message}
          </div>
        </form>
      </Section>

      <Section title={t("retractSection")}>
        <form
          noValidate
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            const reason = String(new FormData(e.currentTarget).get("reason") ?? "");
            retract.save(() => retractEventAction({ eventId: event.id, input: { version: event.version, reason } }), t("retracted"));
          }}
        >
          <p className="text-sm text-slate-600">{t("retractHelp")}</p>
          <label className={LABEL}>
            {t("reason")}
            <textarea name="reason" rows={2} maxLength={LIMITS.retractionReason.max} className={FIELD} aria-invalid={Boolean(retract.errors.reason)} />
            <FieldError text={retract.errors.reason} />
          </label>
          <div className="flex items-center gap-3">
            <button
              type="submit"
              disabled={retract.pending}
              className="rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:text-slate-500"
            >
              {retract.pending ? t("retracting") : t("retract")}
            </button>
            {retract.message}
          </div>
        </form>
      </Section>
    </section>
  );
}
