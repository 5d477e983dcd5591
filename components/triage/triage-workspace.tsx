"use client";
import { useTranslations } from "use-intl";
import { useFormat } from "@/components/i18n/use-format";
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
import { CONFIDENCES, EVENT_KINDS, STATUSES } from "@/lib/domain/vocabulary";

type Article = { publisher: string; title: string; url: string; publishedOn: string };

export function TriageWorkspace() {
  const t = useTranslations("triage");
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
      <form onSubmit={propose} noValidate className="grid gap-3 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-2" aria-label={t("article")}>
        <FormAlert text={failure && !failure.fieldErrors ? failure.error : null} />
        {(
          [
            ["publisher", t("publisher"), "text"],
            ["title", t("articleTitle"), "text"],
            ["url", t("url"), "url"],
            ["publishedOn", t("publishedOn"), "date"],
          ] as const
        ).map(([name, label, type]) => (
          <label key={name} className={LABEL}>
            {label}
            <input name={name} type={type} className={FIELD} aria-invalid={Boolean(errors[name])} aria-describedby={`${name}-error`} />
            <FieldError id={`${name}-error`} text={errors[name]} />
          </label>
        ))}
        <label className={`${LABEL} sm:col-span-2`}>
          {t("text")}
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
          {t("openFile")}
          <input type="file" accept=".txt,.html,.htm,text/plain,text/html" onChange={openFile} className="text-sm" />
        </label>
        <p className="text-sm text-slate-600 sm:col-span-2">{t("help")}</p>
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? t("reading") : t("propose")}
          </Button>
        </div>
      </form>
      {proposals && article && (
        <section aria-labelledby="proposals-heading" className="space-y-3">
          <h2 id="proposals-heading" className="text-lg font-semibold">
            {proposals.length === 0 ? t("noneFound") : t("proposed", { count: proposals.length })}
          </h2>
          {proposals.length === 0 && <p className="text-sm text-slate-600">{t("noneHelp")}</p>}
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
  const t = useTranslations("triage");
  const { labels } = useFormat();
  const { pending, submit, failure, errors } = useActionForm();
  const [state, setState] = useState<"open" | "rejected" | { eventId: number; reviewState: string }>("open");
  const [organisation, setOrganisation] = useState<ComboboxOption | null>(
    proposal.organisationId
      ? { value: String(proposal.organisationId), label: proposal.organisationName ?? t("organisationFallback", { id: proposal.organisationId }) }
      : null,
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
        {t("rejected", { quote: `${proposal.quote.slice(0, 120)}${proposal.quote.length > 120 ? "…" : ""}` })}{" "}
        <button type="button" className="underline" onClick={() => setState("open")}>
          {t("undo")}
        </button>
      </li>
    );
  }
  if (typeof state === "object") {
    return (
      <li role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
        {state.reviewState === "DRAFT" ? t("savedDraft") : t("published")}{" "}
        <Link href={`/events/${state.eventId}`} className="underline">
          {t("seeEvent")}
        </Link>
        .
      </li>
    );
  }
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid="proposal">
      <blockquote className="border-l-4 border-slate-300 pl-3 text-slate-800">“{proposal.quote}”</blockquote>
      <p className="mt-1 text-xs text-slate-500">{t("found", { reasons: proposal.reasons.join(" · ") })}</p>
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
            label={t("organisation")}
            name="organisationId"
            search={searchOrganisationOptions}
            value={organisation}
            onChange={setOrganisation}
            placeholder={t("organisationPlaceholder")}
          />
        </div>
        <label className={LABEL}>
          {t("country")}
          <input name="countryIso3" defaultValue={proposal.countryIso3 ?? ""} maxLength={3} className={FIELD} aria-invalid={Boolean(errors.countryIso3)} />
          <FieldError text={errors.countryIso3} />
        </label>
        <label className={LABEL}>
          {t("whatHappened")}
          <select name="kind" defaultValue={proposal.kind} className={FIELD} aria-invalid={Boolean(errors.kind)}>
            {EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {labels.kind[k]}
              </option>
            ))}
          </select>
          <FieldError text={errors.kind} />
        </label>
        <label className={LABEL}>
          {t("resultingStatus")}
          <select name="status" defaultValue={proposal.status ?? ""} className={FIELD} aria-invalid={Boolean(errors.status)}>
            <option value="">{t("noStatusChange")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {labels.status[s]}
              </option>
            ))}
          </select>
          <FieldError text={errors.status} />
        </label>
        <label className={LABEL}>
          {t("confidence")}
          <select name="confidence" defaultValue={proposal.confidence} className={FIELD}>
            {CONFIDENCES.map((c) => (
              <option key={c} value={c}>
                {labels.confidence[c]}
              </option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          {t("date")}
          <input name="occurredOn" type="date" defaultValue={proposal.occurredOn ?? ""} className={FIELD} aria-invalid={Boolean(errors.occurredOn)} />
          <span className="text-xs font-normal text-slate-500">
            {proposal.dateBasis === "relative" ? t("dateRelative") : proposal.dateBasis === "none" ? t("dateNone") : t("dateStated")}
          </span>
          <FieldError text={errors.occurredOn} />
        </label>
        <label className={LABEL}>
          {t("precision")}
          <select name="datePrecision" defaultValue={proposal.datePrecision ?? "DAY"} className={FIELD}>
            {(["DAY", "MONTH", "YEAR"] as const).map((p) => (
              <option key={p} value={p}>
                {t(`precisions.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label className={`${LABEL} sm:col-span-2 lg:col-span-3`}>
          {t("summary")}
          <textarea name="summary" rows={2} defaultValue={proposal.quote.slice(0, 2000)} className={FIELD} aria-invalid={Boolean(errors.summary)} />
          <FieldError text={errors.summary} />
        </label>
        <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-3">
          <Button type="submit" variant="secondary" size="sm" disabled={pending}>
            {t("acceptDraft")}
          </Button>
          <Button type="button" size="sm" disabled={pending} onClick={(e) => accept(e.currentTarget.form!, false)}>
            {t("acceptPublish")}
          </Button>
          <Button type="button" variant="ghost" size="sm" disabled={pending} onClick={() => setState("rejected")}>
            {t("reject")}
          </Button>
        </div>
        <div className="sm:col-span-2 lg:col-span-3">
          <FormAlert text={failure?.error} compact />
        </div>
      </form>
    </li>
  );
}
