"use client";
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
      {similar && (
        <div role="alert" className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-4 text-sm text-amber-950" data-testid="similar-organisations">
          <p className="font-semibold">
            {similar.found.length === 1
              ? "An organisation with this name, acronym, alias or IATI identifier exists:"
              : "Organisations with this name, acronym, alias or IATI identifier exist:"}
          </p>
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
          <p>Open it to record where it works, or add this one if it is a different organisation.</p>
        </div>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : similar ? "Add it anyway" : "Add organisation"}
      </Button>
    </form>
  );
}
