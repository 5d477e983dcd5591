"use client";
import { useTranslations } from "use-intl";
import { useFormat } from "@/components/i18n/use-format";
// Edit an organisation's details. The form carries the time the record was loaded; if it
// was edited meanwhile, nothing is saved and the current values are shown.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { updateOrganisationAction } from "@/lib/actions/organisations";
import type { OrganisationNow } from "@/lib/domain/errors";
import { ORGANISATION_TYPES } from "@/lib/domain/vocabulary";
import { FIELD, FieldError, FormSaved, LABEL, useActionForm } from "./field-kit";
import { Button } from "@/components/ui/button";

type Details = OrganisationNow & { id: number };

export function OrganisationDetailsForm({ organisation }: { organisation: Details }) {
  const t = useTranslations("orgForms");
  const { labels } = useFormat();
  const router = useRouter();
  const [loadedAt, setLoadedAt] = useState(organisation.updatedAt);
  const { pending, submit: send, failure, setFailure, succeeded: saved, errors } = useActionForm();
  const conflict = failure?.conflict?.record === "organisation" ? failure.conflict.now : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const input: Record<string, unknown> = { updatedAt: loadedAt };
    for (const key of ["name", "acronym", "type", "iatiId", "website"] as const) {
      if ((data[key] ?? "") !== (organisation[key] ?? "")) input[key] = data[key];
    }
    send(
      () => updateOrganisationAction({ id: organisation.id, input }),
      (value) => {
        setLoadedAt(value.updatedAt);
        router.refresh();
      },
    );
  }

  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer font-semibold">{t("editDetails")}</summary>
      <form onSubmit={submit} noValidate className="mt-3 grid gap-3 sm:grid-cols-2">
        {(["name", "acronym", "iatiId", "website"] as const).map((name) => (
          <label key={name} className={LABEL}>
            {t(({ name: "name", acronym: "acronym", iatiId: "iati", website: "website" } as const)[name])}
            <input
              name={name}
              defaultValue={organisation[name] ?? ""}
              className={FIELD}
              aria-invalid={Boolean(errors[name])}
              aria-describedby={errors[name] ? `org-${name}-error` : undefined}
            />
            <FieldError id={`org-${name}-error`} text={errors[name]} />
          </label>
        ))}
        <label className={LABEL}>
          {t("type")}
          <select name="type" defaultValue={organisation.type} className={FIELD}>
            {ORGANISATION_TYPES.map((type) => (
              <option key={type} value={type}>
                {labels.organisationType[type]}
              </option>
            ))}
          </select>
        </label>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <Button type="submit" size="sm" disabled={pending}>
            {pending ? t("saving") : t("saveDetails")}
          </Button>
          {saved && <FormSaved text={t("saved")} />}
          {failure && !conflict && (
            <p role="alert" className="text-sm text-red-700">
              {errors.form ?? failure.error}
            </p>
          )}
        </div>
        {conflict && (
          <div role="alert" className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 sm:col-span-2">
            <p className="font-semibold">{failure?.error}</p>
            <p>
              {t("now", {
                details: `${conflict.name}${conflict.acronym ? ` (${conflict.acronym})` : ""}, ${conflict.type ? labels.organisationType[conflict.type] : ""}${conflict.iatiId ? `, IATI ${conflict.iatiId}` : ""}${conflict.website ? `, ${conflict.website}` : ""}`,
              })}
            </p>
            <button
              type="button"
              className="rounded-md bg-amber-900 px-3 py-1.5 font-medium text-white"
              onClick={() => {
                if (conflict.updatedAt) setLoadedAt(conflict.updatedAt);
                setFailure(null);
              }}
            >
              {t("keepMine")}
            </button>
          </div>
        )}
      </form>
    </details>
  );
}
