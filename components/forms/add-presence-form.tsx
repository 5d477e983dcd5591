"use client";
// Record an organisation in a new country, then set its first status with a sourced event.
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { createPresenceAction } from "@/lib/actions/organisations";
import { FIELD_INLINE, LABEL, useActionForm } from "./field-kit";
import { Button } from "@/components/ui/button";

export function AddPresenceForm({ organisationId, countries }: { organisationId: number; countries: { iso3: string; name: string }[] }) {
  const router = useRouter();
  const { pending, submit: send, failure } = useActionForm();
  const error = failure ? (failure.fieldErrors?.countryIso3 ?? failure.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const countryIso3 = String(new FormData(event.currentTarget).get("countryIso3") ?? "");
    send(
      () => createPresenceAction({ organisationId, countryIso3 }),
      (value) => router.push(`/presences/${value.id}/change-status`),
    );
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3">
      <label className={LABEL}>
        Add to a country
        <select name="countryIso3" defaultValue="" className={FIELD_INLINE} aria-describedby={error ? "presence-error" : undefined}>
          <option value="" disabled>
            Choose a country…
          </option>
          {countries.map((c) => (
            <option key={c.iso3} value={c.iso3}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" disabled={pending} variant="secondary" size="sm">
        {pending ? "Adding…" : "Add, then set its status"}
      </Button>
      {error && (
        <p id="presence-error" role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
