"use client";
// Article triage: paste an article (or open a .txt or .html file), get draft events proposed
// from it, and accept (as a draft or published), edit or reject each. Accepting goes through
// the ordinary event writes, with the article as the event's source and the sentence as its quote.
import { useState, type ChangeEvent, type FormEvent } from "react";
import Link from "next/link";
import { acceptProposalAction, triageAction } from "@/lib/actions/events";
import { searchOrganisationOptions } from "@/components/forms/organisation-options";
import type { NamedProposal } from "@/lib/data/triage";
import { Button } from "@/components/ui/button";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import { FIELD, FieldError, FormAlert, LABEL, useActionForm } from "@/components/forms/field-kit";
import { CONFIDENCE_LABELS, CONFIDENCES, EVENT_KIND_LABELS, EVENT_KINDS, STATUS_LABELS, STATUSES, type DatePrecision } from "@/lib/domain/vocabulary";

type Article = { publisher: string; title: string; url: string; publishedOn: string };

const PRECISION_LABELS: Record<DatePrecision, string> = { DAY: "Day", MONTH: "Month", YEAR: "Year" };

export function TriageWorkspace() {
  const { pending, submit, failure, errors } = useActionForm();
  const [text, setText] = useState("");
  const [html, setHtml] = useState(false);
  const [article, setArticle] = useState<Article | null>(null);
  const [proposals, setProposals] = useState<NamedProposal[] | null>(null);

  async function openFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setText(await file.text());
    setHtml(/\.html?$/i.test(file.name) || file.type === "text/html");
  }

  function propose(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const next: Article = { publisher: data.publisher ?? "", title: data.title ?? "", url: data.url ?? "", publishedOn: data.publishedOn ?? "" };
    submit(
      () => triageAction({ text, html, ...next }),
      (value) => {
        setArticle(next);
        setProposals(value.proposals);
      },
    );
  }

  return (
    <div className="space-y-6">
      <form onSubmit={propose} noValidate className="grid gap-3 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-2" aria-label="Article">
        <FormAlert text={failure && !failure.fieldErrors ? failure.error : null} />
        {(
          [
            ["publisher", "Publisher", "text"],
            ["title", "Title", "text"],
            ["url", "URL (optional)", "url"],
            ["publishedOn", "Publication date (for dates such as “on Tuesday”)", "date"],
          ] as const
        ).map(([name, label, type]) => (
          <label key={name} className={LABEL}>
            {label}
            <input name={name} type={type} className={FIELD} aria-invalid={Boolean(errors[name])} aria-describedby={`${name}-error`} />
            <FieldError id={`${name}-error`} text={errors[name]} />
          </label>
        ))}
        <label className={`${LABEL} sm:col-span-2`}>
          Article text
          <textarea
            name="text"
            rows={10}
            className={FIELD}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setHtml(false);
            }}
            aria-invalid={Boolean(errors.text)}
            aria-describedby="text-error"
          />
          <FieldError id="text-error" text={errors.text} />
        </label>
        <label className={`${LABEL} sm:col-span-2`}>
          Or open a .txt or .html file
          <input type="file" accept=".txt,.html,.htm,text/plain,text/html" onChange={openFile} className="text-sm" />
        </label>
        <p className="text-sm text-slate-600 sm:col-span-2">
          Proposals are worked out here, offline: organisations by name, acronym or alias, what happened from phrases in English and French, dates relative to
          the publication date. Nothing is written until you accept a proposal.
        </p>
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? "Reading…" : "Propose events"}
          </Button>
        </div>
      </form>
      {proposals && article && (
        <section aria-labelledby="proposals-heading" className="space-y-3">
          <h2 id="proposals-heading" className="text-lg font-semibold">
            {proposals.length === 0 ? "No event found in this article" : `${proposals.length} proposed event${proposals.length === 1 ? "" : "s"}`}
          </h2>
          {proposals.length === 0 && (
            <p className="text-sm text-slate-600">
              No sentence names an expulsion, a ban, a suspension or another change the app recognises. Record events by hand instead.
            </p>
          )}
          <ol className="space-y-3">
            {proposals.map((p, i) => (
              <ProposalCard key={`${i}-${p.quote.slice(0, 20)}`} proposal={p} article={article} />
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

function ProposalCard({ proposal, article }: { proposal: NamedProposal; article: Article }) {
  const { pending, submit, failure, errors } = useActionForm();
  const [state, setState] = useState<"open" | "rejected" | { eventId: number; reviewState: string }>("open");
  const [organisation, setOrganisation] = useState<ComboboxOption | null>(
    proposal.organisationId ? { value: String(proposal.organisationId), label: proposal.organisationName ?? `Organisation ${proposal.organisationId}` } : null,
  );

  function accept(form: HTMLFormElement, draft: boolean) {
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    submit(
      () =>
        acceptProposalAction({
          article,
          organisationId: organisation ? Number(organisation.value) : null,
          countryIso3: data.countryIso3 ?? "",
          kind: data.kind,
          status: data.status || null,
          occurredOn: data.occurredOn ?? "",
          datePrecision: data.datePrecision,
          confidence: data.confidence,
          summary: data.summary ?? "",
          quote: proposal.quote,
          draft,
        }),
      (value) => setState(value),
    );
  }

  if (state === "rejected") {
    return (
      <li className="rounded-lg border border-dashed border-slate-300 bg-slate-50 p-3 text-sm text-slate-600">
        Rejected: “{proposal.quote.slice(0, 120)}
        {proposal.quote.length > 120 ? "…" : ""}”{" "}
        <button type="button" className="underline" onClick={() => setState("open")}>
          Undo
        </button>
      </li>
    );
  }
  if (typeof state === "object") {
    return (
      <li role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
        {state.reviewState === "DRAFT" ? "Saved as a draft for review." : "Published."}{" "}
        <Link href={`/events/${state.eventId}`} className="underline">
          See the event
        </Link>
        .
      </li>
    );
  }
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid="proposal">
      <blockquote className="border-l-4 border-slate-300 pl-3 text-slate-800">“{proposal.quote}”</blockquote>
      <p className="mt-1 text-xs text-slate-500">Found: {proposal.reasons.join(" · ")}</p>
      <form
        className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          accept(e.currentTarget, true);
        }}
      >
        <div className="sm:col-span-2">
          <Combobox
            label="Organisation (empty: the whole country)"
            name="organisationId"
            search={searchOrganisationOptions}
            value={organisation}
            onChange={setOrganisation}
            placeholder="Type a name or acronym"
          />
        </div>
        <label className={LABEL}>
          Country (ISO3)
          <input name="countryIso3" defaultValue={proposal.countryIso3 ?? ""} maxLength={3} className={FIELD} aria-invalid={Boolean(errors.countryIso3)} />
          <FieldError text={errors.countryIso3} />
        </label>
        <label className={LABEL}>
          What happened
          <select name="kind" defaultValue={proposal.kind} className={FIELD} aria-invalid={Boolean(errors.kind)}>
            {EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {EVENT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <FieldError text={errors.kind} />
        </label>
        <label className={LABEL}>
          Resulting status
          <select name="status" defaultValue={proposal.status ?? ""} className={FIELD} aria-invalid={Boolean(errors.status)}>
            <option value="">No change of status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <FieldError text={errors.status} />
        </label>
        <label className={LABEL}>
          Confidence
          <select name="confidence" defaultValue={proposal.confidence} className={FIELD}>
            {CONFIDENCES.map((c) => (
              <option key={c} value={c}>
                {CONFIDENCE_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          Date
          <input name="occurredOn" type="date" defaultValue={proposal.occurredOn ?? ""} className={FIELD} aria-invalid={Boolean(errors.occurredOn)} />
          <span className="text-xs font-normal text-slate-500">
            {proposal.dateBasis === "relative"
              ? "Worked out from the publication date: check it."
              : proposal.dateBasis === "none"
                ? "The sentence gives no date: add it."
                : "As the sentence states it."}
          </span>
          <FieldError text={errors.occurredOn} />
        </label>
        <label className={LABEL}>
          Precision
          <select name="datePrecision" defaultValue={proposal.datePrecision ?? "DAY"} className={FIELD}>
            {(["DAY", "MONTH", "YEAR"] as const).map((p) => (
              <option key={p} value={p}>
                {PRECISION_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
        <label className={`${LABEL} sm:col-span-2 lg:col-span-3`}>
          Summary (in your words)
          <textarea name="summary" rows={2} defaultValue={proposal.quote.slice(0, 2000)} className={FIELD} aria-invalid={Boolean(errors.summary)} />
          <FieldError text={errors.summary} />
        </label>
        <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-3">
          <Button type="submit" variant="secondary" size="sm" disabled={pending}>
            Accept as draft
          </Button>
          <Button type="button" size="sm" disabled={pending} onClick={(e) => accept(e.currentTarget.form!, false)}>
            Accept and publish
          </Button>
          <Button type="button" variant="ghost" size="sm" disabled={pending} onClick={() => setState("rejected")}>
            Reject
          </Button>
        </div>
        <div className="sm:col-span-2 lg:col-span-3">
          <FormAlert text={failure?.error} compact />
        </div>
      </form>
    </li>
  );
}
