"use client";
// Add an organisation: name (any script), acronym, type, IATI identifier, website.
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { createOrganisationAction } from "@/lib/actions/organisations";
import { LIMITS } from "@/lib/domain/limits";
import { ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES } from "@/lib/domain/vocabulary";
import { FIELD, FieldError, FormAlert, LABEL, useActionForm } from "./field-kit";

const FIELDS = [
  { name: "name", label: "Name", hint: "In its own language and script, e.g. Médecins Sans Frontières", max: LIMITS.organisationName },
  { name: "acronym", label: "Acronym (optional)", hint: "", max: LIMITS.acronym },
  { name: "iatiId", label: "IATI identifier (optional)", hint: "e.g. XM-DAC-41306", max: LIMITS.iatiId },
  { name: "website", label: "Website (optional)", hint: "https://…", max: LIMITS.url },
] as const;

export function OrganisationForm() {
  const router = useRouter();
  const { pending, submit: send, failure, errors } = useActionForm();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget));
    send(
      () => createOrganisationAction(data),
      (value) => router.push(`/organisations/${value.id}?created=1`),
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <FormAlert text={failure?.error} />
      {FIELDS.map((f) => (
        <label key={f.name} className={LABEL}>
          {f.label}
          <input
            name={f.name}
            maxLength={f.max}
            className={FIELD}
            placeholder={f.hint}
            aria-invalid={Boolean(errors[f.name])}
            aria-describedby={errors[f.name] ? `${f.name}-error` : undefined}
          />
          <FieldError id={`${f.name}-error`} text={errors[f.name]} />
        </label>
      ))}
      <label className={LABEL}>
        Type
        <select name="type" defaultValue="" className={FIELD} aria-invalid={Boolean(errors.type)} aria-describedby={errors.type ? "type-error" : undefined}>
          <option value="" disabled>
            Choose…
          </option>
          {ORGANISATION_TYPES.map((t) => (
            <option key={t} value={t}>
              {ORGANISATION_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
        <FieldError id="type-error" text={errors.type} />
      </label>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Add organisation"}
      </Button>
    </form>
  );
}
