"use client";
// Add an organisation: name (any script), acronym, type, IATI identifier, website.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { createOrganisationAction } from "@/lib/actions/organisations";
import { ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES } from "@/lib/domain/vocabulary";
import { callAction } from "@/lib/actions/call";

const field = "w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm aria-[invalid=true]:border-red-600";
const FIELDS = [
  { name: "name", label: "Name", hint: "In its own language and script, e.g. Médecins Sans Frontières" },
  { name: "acronym", label: "Acronym (optional)", hint: "" },
  { name: "iatiId", label: "IATI identifier (optional)", hint: "e.g. XM-DAC-41306" },
  { name: "website", label: "Website (optional)", hint: "https://…" },
] as const;

export function OrganisationForm() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget));
    startTransition(async () => {
      const result = await callAction(() => createOrganisationAction(data));
      if (result.ok) router.push(`/organisations/${result.value.id}?created=1`);
      else {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.error);
      }
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      {message && <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">{message}</p>}
      {FIELDS.map((f) => (
        <label key={f.name} className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          {f.label}
          <input name={f.name} className={field} placeholder={f.hint} aria-invalid={Boolean(errors[f.name])} aria-describedby={errors[f.name] ? `${f.name}-error` : undefined} />
          {errors[f.name] && <span id={`${f.name}-error`} className="font-normal text-red-700">{errors[f.name]}</span>}
        </label>
      ))}
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        Type
        <select name="type" defaultValue="" className={field} aria-invalid={Boolean(errors.type)} aria-describedby={errors.type ? "type-error" : undefined}>
          <option value="" disabled>Choose…</option>
          {ORGANISATION_TYPES.map((t) => <option key={t} value={t}>{ORGANISATION_TYPE_LABELS[t]}</option>)}
        </select>
        {errors.type && <span id="type-error" className="font-normal text-red-700">{errors.type}</span>}
      </label>
      <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:bg-slate-400">
        {pending ? "Saving…" : "Add organisation"}
      </button>
    </form>
  );
}
