"use client";
// Edit an organisation's details. The form carries the time the record was loaded; if it
// was edited meanwhile, nothing is saved and the current values are shown.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { updateOrganisationAction } from "@/lib/actions/organisations";
import type { ActionFailure } from "@/lib/actions/action";
import type { OrganisationNow } from "@/lib/domain/errors";
import { ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES } from "@/lib/domain/vocabulary";
import { callAction } from "@/lib/actions/call";

const field = "w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm aria-[invalid=true]:border-red-600";

type Details = OrganisationNow & { id: number };

export function OrganisationDetailsForm({ organisation }: { organisation: Details }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [loadedAt, setLoadedAt] = useState(organisation.updatedAt);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [saved, setSaved] = useState(false);
  const errors = failure?.fieldErrors ?? {};
  const conflict = failure?.conflict?.record === "organisation" ? failure.conflict.now : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const input: Record<string, unknown> = { updatedAt: loadedAt };
    for (const key of ["name", "acronym", "type", "iatiId", "website"] as const) {
      if ((data[key] ?? "") !== (organisation[key] ?? "")) input[key] = data[key];
    }
    startTransition(async () => {
      const result = await callAction(() => updateOrganisationAction({ id: organisation.id, input }));
      if (result.ok) {
        setFailure(null);
        setSaved(true);
        setLoadedAt(result.value.updatedAt);
        router.refresh();
      } else {
        setSaved(false);
        setFailure(result);
      }
    });
  }

  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer font-semibold">Edit details</summary>
      <form onSubmit={submit} noValidate className="mt-3 grid gap-3 sm:grid-cols-2">
        {(["name", "acronym", "iatiId", "website"] as const).map((name) => (
          <label key={name} className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            {{ name: "Name", acronym: "Acronym", iatiId: "IATI identifier", website: "Website" }[name]}
            <input name={name} defaultValue={organisation[name] ?? ""} className={field} aria-invalid={Boolean(errors[name])} aria-describedby={errors[name] ? `org-${name}-error` : undefined} />
            {errors[name] && <span id={`org-${name}-error`} className="font-normal text-red-700">{errors[name]}</span>}
          </label>
        ))}
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          Type
          <select name="type" defaultValue={organisation.type} className={field}>{ORGANISATION_TYPES.map((t) => <option key={t} value={t}>{ORGANISATION_TYPE_LABELS[t]}</option>)}</select>
        </label>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:bg-slate-400">{pending ? "Saving…" : "Save details"}</button>
          {saved && <p role="status" className="text-sm text-emerald-800">Saved.</p>}
          {failure && !conflict && <p role="alert" className="text-sm text-red-700">{errors.form ?? failure.error}</p>}
        </div>
        {conflict && (
          <div role="alert" className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 sm:col-span-2">
            <p className="font-semibold">{failure?.error}</p>
            <p>Now: {conflict.name}{conflict.acronym ? ` (${conflict.acronym})` : ""}, {conflict.type ? ORGANISATION_TYPE_LABELS[conflict.type] : ""}{conflict.iatiId ? `, IATI ${conflict.iatiId}` : ""}{conflict.website ? `, ${conflict.website}` : ""}.</p>
            <button type="button" className="rounded-md bg-amber-900 px-3 py-1.5 font-medium text-white" onClick={() => { if (conflict.updatedAt) setLoadedAt(conflict.updatedAt); setFailure(null); }}>
              Keep my input and apply it on top of this
            </button>
          </div>
        )}
      </form>
    </details>
  );
}
