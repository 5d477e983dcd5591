"use client";
import { useTranslations } from "use-intl";
import { useFormat } from "@/components/i18n/use-format";
// "Add to a country": an organisation in a country with its first sourced event, saved in
// one transaction (a presence is never left without its status). The organisation or the
// country may be fixed by the page it was opened from; the other is chosen with a
// searchable picker. When the organisation is already recorded there, the form says so and
// offers that presence's "Change status" instead of refusing.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { createPresenceAction } from "@/lib/actions/organisations";
import { newPresenceContextAction } from "@/lib/actions/presences";
import { searchOrganisationOptions } from "./organisation-options";
import { callAction } from "@/lib/actions/call";
import type { NewPresenceContext } from "@/lib/data/presences";
import type { DatePrecision } from "@/lib/domain/vocabulary";
import { Button } from "@/components/ui/button";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import { StatusBadge } from "@/components/ui/status-badge";
import { EventFields, useEventDraft } from "./event-fields";
import { FormAlert, useActionForm } from "./field-kit";

interface Props {
  organisation: ComboboxOption | null;
  country: ComboboxOption | null;
  countries: ComboboxOption[];
}

/** Errors of the nested first event ("event.kind") are shown at the event's own fields ("kind"). */
const eventErrors = (errors: Record<string, string>) => Object.fromEntries(Object.entries(errors).map(([key, text]) => [key.replace(/^event\./, ""), text]));

export function NewPresenceForm({ organisation: fixedOrganisation, country: fixedCountry, countries }: Props) {
  const t = useTranslations("presenceForms");
  const f = useFormat();
  const router = useRouter();
  const [organisation, setOrganisation] = useState<ComboboxOption | null>(fixedOrganisation);
  const [country, setCountry] = useState<ComboboxOption | null>(fixedCountry);
  const [context, setContext] = useState<{ key: string; value: NewPresenceContext | null; error?: string } | null>(null);
  const { pending, submit: send, failure, errors } = useActionForm();
  const draft = useEventDraft(context?.value?.sourceOptions ?? []);
  const [recheck, setRecheck] = useState(0);
  const key = organisation && country ? `${organisation.value}:${country.value}:${recheck}` : null;

  // Once both are chosen: is it recorded already, and which sources are known there?
  useEffect(() => {
    if (!organisation || !country || !key) return;
    let current = true;
    callAction(() => newPresenceContextAction({ organisationId: Number(organisation.value), countryIso3: country.value })).then((result) => {
      if (current) setContext(result.ok ? { key, value: result.value } : { key, value: null, error: result.error });
    });
    return () => {
      current = false;
    };
  }, [organisation, country, key]);
  const known = context && context.key === key ? context : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!organisation || !country) return;
    const change = draft.read(new FormData(event.currentTarget));
    send(
      async () => {
        const result = await createPresenceAction({ organisationId: Number(organisation.value), countryIso3: country.value, event: change });
        // Refused (perhaps recorded meanwhile by someone else): look again, so that the form offers it.
        if (!result.ok && result.fieldErrors?.countryIso3) setRecheck((n) => n + 1);
        return result;
      },
      (value) => {
        draft.remember();
        const saved = `saved=${value.eventId}${value.reviewState === "DRAFT" ? "&draft=1" : ""}`;
        router.push(fixedOrganisation ? `/organisations/${organisation.value}?${saved}` : `/countries/${country.value}?${saved}`);
      },
    );
  }

  const existing = known?.value?.existing ?? null;
  const subject = organisation && country ? f.presence(organisation.label, country.label) : t("theOrganisation");
  return (
    <form onSubmit={submit} noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-5">
      <FormAlert text={failure?.error} />
      <div className="grid gap-4 sm:grid-cols-2">
        {fixedOrganisation ? (
          <p className="text-sm text-slate-700">
            {t("organisation")}: <strong>{fixedOrganisation.label}</strong>
          </p>
        ) : (
          <Combobox
            label={t("organisation")}
            name="organisationId"
            search={searchOrganisationOptions}
            value={organisation}
            onChange={setOrganisation}
            placeholder={t("organisationPlaceholder")}
            emptyText={t("noOrganisation")}
            error={errors.organisationId}
          />
        )}
        {fixedCountry ? (
          <p className="text-sm text-slate-700">
            {t("country")}: <strong>{fixedCountry.label}</strong>
          </p>
        ) : (
          <Combobox
            label={t("country")}
            name="countryIso3"
            options={countries}
            value={country}
            onChange={setCountry}
            placeholder={t("countryPlaceholder")}
            error={errors.countryIso3}
          />
        )}
      </div>

      {organisation && country && !known && <p className="text-sm text-slate-600">{t("checking")}</p>}
      {known?.error && <FormAlert text={known.error} />}
      {existing && (
        <div role="status" className="space-y-2 rounded-md border border-sky-300 bg-sky-50 p-4 text-sm text-sky-950" data-testid="existing-presence">
          <p className="flex flex-wrap items-center gap-2">
            {t("alreadyRecorded", { subject })}
            <span className="inline-flex items-center gap-2 whitespace-nowrap">
              <StatusBadge status={existing.status} />
              {existing.since && t("since", { date: f.isoDate(existing.since, (existing.sincePrecision ?? "DAY") as DatePrecision) })}
            </span>
          </p>
          <p>
            <Link href={`/presences/${existing.id}/change-status`} className="font-medium underline">
              {t("changeIts")}
            </Link>
            {t("toRecordNext")}
          </p>
        </div>
      )}
      {known?.value && !existing && (
        <>
          <EventFields draft={draft} errors={eventErrors(errors)} subject={subject} />
          <div className="flex items-center gap-3">
            <Button type="submit" disabled={pending}>
              {pending ? t("saving") : t("savePresence")}
            </Button>
            <Link
              href={fixedOrganisation ? `/organisations/${fixedOrganisation.value}` : fixedCountry ? `/countries/${fixedCountry.value}` : "/"}
              className="text-sm text-slate-700 underline"
            >
              {t("cancel")}
            </Link>
          </div>
        </>
      )}
    </form>
  );
}
