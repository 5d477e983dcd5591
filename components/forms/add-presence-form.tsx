"use client";
// Record an organisation in a new country, then set its first status with a sourced event.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { createPresenceAction } from "@/lib/actions/organisations";
import { callAction } from "@/lib/actions/call";

export function AddPresenceForm({ organisationId, countries }: { organisationId: number; countries: { iso3: string; name: string }[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const countryIso3 = String(new FormData(event.currentTarget).get("countryIso3") ?? "");
    startTransition(async () => {
      const result = await callAction(() => createPresenceAction({ organisationId, countryIso3 }));
      if (result.ok) router.push(`/presences/${result.value.id}/change-status`);
      else setError(result.fieldErrors?.countryIso3 ?? result.error);
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3">
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        Add to a country
        <select name="countryIso3" defaultValue="" className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm" aria-describedby={error ? "presence-error" : undefined}>
          <option value="" disabled>Choose a country…</option>
          {countries.map((c) => <option key={c.iso3} value={c.iso3}>{c.name}</option>)}
        </select>
      </label>
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:text-slate-400">
        {pending ? "Adding…" : "Add, then set its status"}
      </button>
      {error && <p id="presence-error" role="alert" className="w-full text-sm text-red-700">{error}</p>}
    </form>
  );
}
