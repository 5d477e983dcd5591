"use client";
import { useTranslations } from "use-intl";
import { useFormat } from "@/components/i18n/use-format";
// Add an organisation: name (any script), acronym, type, IATI identifier, website. Before
// saving, organisations with the same name or acronym (ignoring case and accents) are
// shown with links: the analyst opens the one that exists, or saves a new one knowingly.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { similarOrganisationsAction } from "@/lib/actions/presences";
import { callAction } from "@/lib/actions/call";
import type { ActionResult } from "@/lib/actions/action";
import type { OrganisationOption } from "@/lib/data/organisations";
import { Button } from "@/components/ui/button";
import { createOrganisationAction } from "@/lib/actions/organisations";
import { LIMITS } from "@/lib/domain/limits";
import { ORGANISATION_TYPES } from "@/lib/domain/vocabulary";
import { FIELD, FieldError, FormAlert, LABEL, useActionForm } from "./field-kit";

// Labels and hints are message keys (orgForms.*); a hint of null has none, "https://…" is no word.
const FIELDS = [
  { name: "name", label: "name", hint: "nameHint", max: LIMITS.organisationName },
  { name: "acronym", label: "acronymOptional", hint: null, max: LIMITS.acronym },
  { name: "iatiId", label: "iatiOptional", hint: "iatiHint", max: LIMITS.iatiId },
  { name: "website", label: "websiteOptional", hint: null, max: LIMITS.url },
] as const;

export function OrganisationForm() {
  const t = useTranslations("orgForms");
  const { labels } = useFormat();
  const router = useRouter();
  const { pending, submit: send, failure, errors } = useActionForm();
  // The similar organisations shown, for the name and acronym they were found for.
  const [similar, setSimilar] = useState<{ asked: string; found: OrganisationOption[] } | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const asked = `${data.name?.trim() ?? ""}\u0000${data.acronym?.trim() ?? ""}\u0000${data.iatiId?.trim() ?? ""}`;
    send(
      async (): Promise<ActionResult<{ id: number } | null>> => {
        // Asked once per name and acronym: saving again after the warning saves.
        if (data.name?.trim() && similar?.asked !== asked) {
          const found = await callAction(() =>
            similarOrganisationsAction({
              name: data.name!.slice(0, 300),
              acronym: data.acronym?.trim().slice(0, 100) || null,
              iatiId: data.iatiId?.trim().slice(0, 200) || null,
            }),
          );
          if (found.ok && found.value.length) {
            setSimilar({ asked, found: found.value });
            return { ok: true as const, value: null };
          }
        }
        return createOrganisationAction(data);
      },
      (value) => value && router.push(`/organisations/${value.id}?created=1`),
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <FormAlert text={failure?.error} />
      {FIELDS.map((f) => (
        <label key={f.name} className={LABEL}>
          {t(f.label)}
          <input
            name={f.name}
            maxLength={f.max}
            className={FIELD}
            placeholder={f.hint ? t(f.hint) : f.name === "website" ? "https://…" : ""}
            aria-invalid={Boolean(errors[f.name])}
            aria-describedby={errors[f.name] ? `${f.name}-error` : undefined}
          />
          <FieldError id={`${f.name}-error`} text={errors[f.name]} />
        </label>
      ))}
      <label className={LABEL}>
        {t("type")}
        <select name="type" defaultValue="" className={FIELD} aria-invalid={Boolean(errors.type)} aria-describedby={errors.type ? "type-error" : undefined}>
          <option value="" disabled>
            {t("choose")}
          </option>
          {ORGANISATION_TYPES.map((type) => (
            <option key={type} value={type}>
              {labels.organisationType[type]}
            </option>
          ))}
        </select>
        <FieldError id="type-error" text={errors.type} />
      </label>
      {similar && (
        <div role="alert" className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-4 text-sm text-amber-950" data-testid="similar-organisations">
          <p className="font-semibold">{similar.found.length === 1 ? t("similarOne") : t("similarMany")}</p>
          <ul className="list-disc pl-5">
            {similar.found.map((o) => (
              <li key={o.id}>
                <Link href={`/organisations/${o.id}`} className="underline">
                  {o.name}
                  {o.acronym ? ` (${o.acronym})` : ""}
                </Link>
              </li>
            ))}
          </ul>
          <p>{t("similarHelp")}</p>
        </div>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : similar ? t("addAnyway") : t("add")}
      </Button>
    </form>
  );
}
