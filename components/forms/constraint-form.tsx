"use client";
import { useTranslations } from "use-intl";
import { useFormat } from "@/components/i18n/use-format";
// "Record a constraint" on a country page: one entry for a constraint that concerns the whole
// country, named organisations, or every organisation of some types there; located in areas
// or country-wide; optionally setting the status of each organisation concerned (one decree
// withdrawing two licences). The event's own fields are event-fields.tsx's.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { recordConstraintAction } from "@/lib/actions/constraints";
import type { ActionFailure } from "@/lib/actions/action";
import { callAction } from "@/lib/actions/call";
import { Button } from "@/components/ui/button";
import { foldForSearch } from "@/lib/domain/search-text";
import { ORGANISATION_TYPES, type OrganisationType } from "@/lib/domain/vocabulary";
import { EventFields, useEventDraft, type SourceOption } from "./event-fields";
import { FIELD, FieldError, FormAlert } from "./field-kit";

type Scope = "country" | "organisations" | "types";

interface Props {
  iso3: string;
  countryName: string;
  organisations: { id: number; name: string; acronym: string | null; type: OrganisationType }[];
  areas: { code: string; name: string }[];
  sourceOptions: SourceOption[];
  backHref: string;
}

const BOX = "max-h-56 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2";

export function ConstraintForm({ iso3, countryName, organisations, areas, sourceOptions, backHref }: Props) {
  const t = useTranslations("constraintForm");
  const { labels } = useFormat();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [scope, setScope] = useState<Scope>("country");
  const [named, setNamed] = useState<Set<number>>(new Set());
  const [types, setTypes] = useState<Set<OrganisationType>>(new Set());
  const [chosenAreas, setChosenAreas] = useState<Set<string>>(new Set());
  const [filter, setFilter] = useState("");
  const draft = useEventDraft(sourceOptions);
  const errors = failure?.fieldErrors ?? {};

  const toggle = <T,>(set: Set<T>, value: T) => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };
  const shown = filter ? organisations.filter((o) => foldForSearch(`${o.name} ${o.acronym ?? ""}`).includes(foldForSearch(filter))) : organisations;
  const subject =
    scope === "country"
      ? t("subjectCountry", { country: countryName })
      : scope === "organisations"
        ? t("subjectNamed", { count: named.size })
        : t("subjectTypes", { country: countryName });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const constraint = {
      ...draft.read(new FormData(event.currentTarget)),
      areas: [...chosenAreas],
      ...(scope === "organisations" ? { organisationIds: [...named] } : {}),
      ...(scope === "types" ? { organisationTypes: [...types] } : {}),
    };
    startTransition(async () => {
      const result = await callAction(() => recordConstraintAction({ iso3, constraint }));
      if (result.ok) {
        draft.remember();
        router.push(`${backHref}?constraint=${result.value.eventId}${result.value.reviewState === "DRAFT" ? "&draft=1" : ""}`);
      } else setFailure(result);
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-5" aria-describedby="form-status">
      <div id="form-status" aria-live="polite">
        <FormAlert text={failure?.error} />
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t("whom")}</legend>
        <div className="flex flex-wrap gap-3 text-sm">
          {(
            [
              ["country", t("scopeCountry")],
              ["organisations", t("scopeNamed")],
              ["types", t("scopeTypes")],
            ] as [Scope, string][]
          ).map(([value, text]) => (
            <label
              key={value}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 has-[:checked]:border-slate-900 has-[:checked]:bg-slate-50"
            >
              <input
                type="radio"
                name="scope"
                value={value}
                checked={scope === value}
                onChange={() => {
                  setScope(value);
                  if (value === "country") draft.setStatus(null);
                }}
                className="size-4"
              />
              {text}
            </label>
          ))}
        </div>
        {scope === "organisations" && (
          <div className="space-y-2">
            <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
              {t("find")}
              <input
                type="search"
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
                className={`${FIELD} max-w-sm`}
                placeholder={t("findPlaceholder")}
              />
            </label>
            {organisations.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noneInCountry", { country: countryName })}</p>
            ) : (
              <div className={BOX} role="group" aria-label={t("concerned")} aria-describedby={errors.organisationIds ? "organisationIds-error" : undefined}>
                {shown.map((o) => (
                  <label key={o.id} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" checked={named.has(o.id)} onChange={() => setNamed((s) => toggle(s, o.id))} className="size-4" />
                    {o.name}
                    {o.acronym && <span className="text-slate-500">({o.acronym})</span>}
                  </label>
                ))}
                {shown.length === 0 && <p className="text-sm text-slate-600">{t("noMatch", { filter })}</p>}
              </div>
            )}
            <p className="text-xs text-slate-600">{t("chosen", { count: named.size })}</p>
          </div>
        )}
        {scope === "types" && (
          <div className="flex flex-wrap gap-x-4 gap-y-1" role="group" aria-label={t("typesConcerned")}>
            {ORGANISATION_TYPES.map((type) => (
              <label key={type} className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={types.has(type)} onChange={() => setTypes((s) => toggle(s, type))} className="size-4" />
                {labels.organisationType[type]}
              </label>
            ))}
          </div>
        )}
        <FieldError id="organisationIds-error" text={errors.organisationIds} />
        <FieldError id="organisationTypes-error" text={errors.organisationTypes} />
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t("where")}</legend>
        {areas.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noAreas", { country: countryName })}</p>
        ) : (
          <div className="grid gap-x-4 gap-y-1 sm:grid-cols-3" role="group" aria-label={t("areas")} aria-describedby={errors.areas ? "areas-error" : undefined}>
            {areas.map((a) => (
              <label key={a.code} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="areas"
                  value={a.code}
                  checked={chosenAreas.has(a.code)}
                  onChange={() => setChosenAreas((s) => toggle(s, a.code))}
                  className="size-4"
                />
                {a.name} <span className="font-mono text-xs text-slate-500">{a.code}</span>
              </label>
            ))}
          </div>
        )}
        <FieldError id="areas-error" text={errors.areas} />
      </fieldset>

      <EventFields draft={draft} errors={errors} subject={subject} statusOptional statusLocked={scope === "country" ? t("locked") : undefined} />

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("record")}
        </Button>
        <a href={backHref} className="text-sm text-slate-700 underline">
          {t("cancel")}
        </a>
      </div>
    </form>
  );
}
