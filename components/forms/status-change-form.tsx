"use client";
// "Change status": the new status, what happened and when (with its precision), and at
// least one source. On a conflict nothing is saved: the form shows what changed meanwhile
// and keeps every field, so the analyst can re-apply the change on top of it.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { changeStatusAction } from "@/lib/actions/status-change";
import type { ActionFailure } from "@/lib/actions/action";
import { StatusBadge } from "@/components/ui/status-badge";
import { LIMITS } from "@/lib/domain/limits";
import { callAction } from "@/lib/actions/call";
import { CONFIDENCE_LABELS, CONFIDENCES, DATE_PRECISIONS, EVENT_KIND_LABELS, EVENT_KINDS, STATUS_LABELS, STATUSES } from "@/lib/domain/vocabulary";
import { FIELD, LABEL } from "./field-kit";
import { Button } from "@/components/ui/button";
import { presenceName } from "@/lib/domain/format";

type SourceDraft =
  { mode: "existing"; sourceId: string; quote: string } | { mode: "new"; publisher: string; title: string; url: string; publishedOn: string; quote: string };

interface Props {
  presenceId: number;
  version: number;
  organisationName: string;
  countryName: string;
  sourceOptions: { id: number; label: string }[];
  backHref: string;
}

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <span id={id} className="text-sm font-normal text-red-700">
      {message}
    </span>
  ) : null;
}

export function StatusChangeForm({ presenceId, version: initialVersion, organisationName, countryName, sourceOptions, backHref }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [version, setVersion] = useState(initialVersion);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [sources, setSources] = useState<SourceDraft[]>([
    sourceOptions.length ? { mode: "existing", sourceId: "", quote: "" } : { mode: "new", publisher: "", title: "", url: "", publishedOn: "", quote: "" },
  ]);
  const errors = failure?.fieldErrors ?? {};
  const err = (name: string) => errors[name];
  const invalid = (name: string) => ({ "aria-invalid": Boolean(err(name)), "aria-describedby": err(name) ? `${name}-error` : undefined });
  const updateSource = (index: number, patch: Partial<SourceDraft>) =>
    setSources((list) => list.map((s, i) => (i === index ? ({ ...s, ...patch } as SourceDraft) : s)));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const change = {
      status: data.get("status") ?? undefined,
      kind: data.get("kind"),
      occurredOn: data.get("occurredOn"),
      datePrecision: data.get("datePrecision"),
      summary: data.get("summary"),
      peopleAffected: data.get("peopleAffected"),
      confidence: data.get("confidence"),
      version,
      sources: sources.map((s) =>
        s.mode === "existing"
          ? { sourceId: s.sourceId, quote: s.quote }
          : { publisher: s.publisher, title: s.title, url: s.url, publishedOn: s.publishedOn, quote: s.quote },
      ),
    };
    startTransition(async () => {
      const result = await callAction(() => changeStatusAction({ presenceId, change }));
      if (result.ok) router.push(`${backHref}?saved=${result.value.eventId}`);
      else setFailure(result);
    });
  }

  const conflict = failure?.conflict?.record === "presence" ? failure.conflict.now : null;
  return (
    <form onSubmit={submit} noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-5" aria-describedby="form-status">
      <div id="form-status" aria-live="polite">
        {conflict ? (
          <div role="alert" className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-4 text-sm text-amber-950" data-testid="conflict">
            <p className="font-semibold">{failure?.error}</p>
            <p className="flex flex-wrap items-center gap-2">
              Now: <StatusBadge status={conflict.status} />
              {conflict.since && <>since {conflict.since}</>}
            </p>
            {conflict.lastChange && (
              <p>
                Latest change: “{conflict.lastChange.summary}” ({conflict.lastChange.occurredOn})
                {conflict.lastChange.by && <>, recorded by {conflict.lastChange.by}</>}.
              </p>
            )}
            <button
              type="button"
              className="rounded-md bg-amber-900 px-3 py-1.5 font-medium text-white hover:bg-amber-800"
              onClick={() => {
                setVersion(conflict.version);
                setFailure(null);
              }}
            >
              Keep my input and apply it on top of this
            </button>
          </div>
        ) : failure ? (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
            {failure.error}
          </p>
        ) : null}
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">New status of {presenceName(organisationName, countryName)}</legend>
        <div className="flex flex-wrap gap-3">
          {STATUSES.map((s) => (
            <label
              key={s}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 has-[:checked]:border-slate-900 has-[:checked]:bg-slate-50"
            >
              <input type="radio" name="status" value={s} className="size-4" aria-label={STATUS_LABELS[s]} />
              <StatusBadge status={s} />
            </label>
          ))}
        </div>
        <FieldError id="status-error" message={err("status")} />
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <label className={LABEL}>
          What happened
          <select name="kind" defaultValue="" className={FIELD} {...invalid("kind")}>
            <option value="" disabled>
              Choose…
            </option>
            {EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {EVENT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <FieldError id="kind-error" message={err("kind")} />
        </label>
        <label className={LABEL}>
          Confidence
          <select name="confidence" defaultValue="REPORTED" className={FIELD} {...invalid("confidence")}>
            {CONFIDENCES.map((c) => (
              <option key={c} value={c}>
                {CONFIDENCE_LABELS[c]}
              </option>
            ))}
          </select>
          <FieldError id="confidence-error" message={err("confidence")} />
        </label>
        <label className={LABEL}>
          Date
          <input type="date" name="occurredOn" className={FIELD} {...invalid("occurredOn")} />
          <FieldError id="occurredOn-error" message={err("occurredOn")} />
        </label>
        <label className={LABEL}>
          Known to the
          <select name="datePrecision" defaultValue="DAY" className={FIELD} {...invalid("datePrecision")}>
            {DATE_PRECISIONS.map((p) => (
              <option key={p} value={p}>
                {p === "DAY" ? "day" : p === "MONTH" ? "month (the date's month)" : "year (the date's year)"}
              </option>
            ))}
          </select>
          <FieldError id="datePrecision-error" message={err("datePrecision")} />
        </label>
        <label className={`${LABEL} sm:col-span-2`}>
          Summary
          <textarea
            name="summary"
            rows={3}
            maxLength={LIMITS.summary.max}
            className={FIELD}
            {...invalid("summary")}
            placeholder="What happened, according to the sources"
          />
          <FieldError id="summary-error" message={err("summary")} />
        </label>
        <label className={LABEL}>
          People affected (optional)
          <input type="text" inputMode="numeric" name="peopleAffected" className={FIELD} {...invalid("peopleAffected")} />
          <FieldError id="peopleAffected-error" message={err("peopleAffected")} />
        </label>
      </div>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-700">Sources (at least one)</legend>
        <FieldError id="sources-error" message={err("sources")} />
        {sources.map((source, index) => (
          <div key={index} className="space-y-2 rounded-md border border-slate-200 p-3" data-testid="source-block">
            <div className="flex flex-wrap items-center gap-4 text-sm">
              <label className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name={`source-mode-${index}`}
                  checked={source.mode === "existing"}
                  disabled={!sourceOptions.length}
                  onChange={() => updateSource(index, { mode: "existing", sourceId: "", quote: source.quote } as SourceDraft)}
                />
                Cite a known source
              </label>
              <label className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name={`source-mode-${index}`}
                  checked={source.mode === "new"}
                  onChange={() => updateSource(index, { mode: "new", publisher: "", title: "", url: "", publishedOn: "", quote: source.quote } as SourceDraft)}
                />
                Add a new source
              </label>
              {sources.length > 1 && (
                <button
                  type="button"
                  className="ml-auto text-sm text-red-700 underline"
                  onClick={() => setSources((list) => list.filter((_, i) => i !== index))}
                >
                  Remove
                </button>
              )}
            </div>
            {source.mode === "existing" ? (
              <label className={LABEL}>
                Source
                <select
                  value={source.sourceId}
                  onChange={(e) => updateSource(index, { sourceId: e.target.value })}
                  className={FIELD}
                  {...invalid(`sources.${index}.sourceId`)}
                >
                  <option value="">Choose…</option>
                  {sourceOptions.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
                </select>
                <FieldError id={`sources.${index}.sourceId-error`} message={err(`sources.${index}.sourceId`) ?? err(`sources.${index}`)} />
              </label>
            ) : (
              <div className="grid gap-3 sm:grid-cols-2">
                {(["publisher", "title", "url", "publishedOn"] as const).map((name) => (
                  <label key={name} className={LABEL}>
                    {{ publisher: "Publisher", title: "Title", url: "Web address (optional)", publishedOn: "Published on (optional)" }[name]}
                    <input
                      type={name === "publishedOn" ? "date" : name === "url" ? "url" : "text"}
                      value={source[name]}
                      onChange={(e) => updateSource(index, { [name]: e.target.value })}
                      className={FIELD}
                      {...invalid(`sources.${index}.${name}`)}
                    />
                    <FieldError
                      id={`sources.${index}.${name}-error`}
                      message={err(`sources.${index}.${name}`) ?? (name === "publisher" ? err(`sources.${index}`) : undefined)}
                    />
                  </label>
                ))}
              </div>
            )}
            <label className={LABEL}>
              Quote that supports the change (optional)
              <textarea
                rows={2}
                maxLength={LIMITS.quote}
                value={source.quote}
                onChange={(e) => updateSource(index, { quote: e.target.value })}
                className={FIELD}
                {...invalid(`sources.${index}.quote`)}
              />
              <FieldError id={`sources.${index}.quote-error`} message={err(`sources.${index}.quote`)} />
            </label>
          </div>
        ))}
        {sources.length < LIMITS.sources && (
          <Button
            type="button"
            variant="secondary"
            size="sm"
            onClick={() => setSources((list) => [...list, { mode: "new", publisher: "", title: "", url: "", publishedOn: "", quote: "" }])}
          >
            Add another source
          </Button>
        )}
      </fieldset>

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save status change"}
        </Button>
        <a href={backHref} className="text-sm text-slate-700 underline">
          Cancel
        </a>
      </div>
    </form>
  );
}
