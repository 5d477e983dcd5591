"use client";
// An organisation's other names (add, remove) and merging a duplicate into it. The merge asks
// for a second click that names both organisations: it cannot be undone from the interface.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { addAliasAction, mergeOrganisationsAction, removeAliasAction } from "@/lib/actions/organisations";
import { searchOrganisationOptions } from "./organisation-options";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import { Button } from "@/components/ui/button";
import { FIELD_INLINE, FieldError, FormAlert, FormSaved, LABEL, useActionForm } from "./field-kit";

export interface AliasItem {
  id: number;
  name: string;
  language: string | null;
  acronym: boolean;
  source: { publisher: string; title: string; url: string | null } | null;
}

const LANGUAGES: Record<string, string> = { en: "English", fr: "French", ar: "Arabic", es: "Spanish", pt: "Portuguese" };

export function AliasList({ organisationId, aliases, editable }: { organisationId: number; aliases: AliasItem[]; editable: boolean }) {
  const router = useRouter();
  const { pending, submit, failure, errors, succeeded } = useActionForm();
  const removal = useActionForm();

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    submit(
      () => addAliasAction({ id: organisationId, input: { name: data.name, language: data.language || null, acronym: data.acronym === "on" } }),
      () => {
        form.reset();
        router.refresh();
      },
    );
  }

  return (
    <section aria-labelledby="aliases-heading" className="space-y-2">
      <h2 id="aliases-heading" className="text-base font-semibold">
        Also known as
      </h2>
      {aliases.length === 0 ? (
        <p className="text-sm text-slate-600">No other name is recorded: search, imports and triage find it by its name and acronym.</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label="Aliases">
          {aliases.map((alias) => (
            <li key={alias.id} className="flex items-center gap-2 rounded-md border border-slate-200 bg-white px-2.5 py-1 text-sm">
              <span className="font-medium">{alias.name}</span>
              <span className="text-slate-500">
                {[alias.acronym ? "acronym" : null, alias.language ? (LANGUAGES[alias.language] ?? alias.language) : null].filter(Boolean).join(", ")}
              </span>
              {alias.source && (
                <span className="text-slate-500" title={alias.source.title}>
                  ·{" "}
                  {alias.source.url ? (
                    <a href={alias.source.url} className="underline" rel="noreferrer noopener" target="_blank">
                      {alias.source.publisher}
                    </a>
                  ) : (
                    alias.source.publisher
                  )}
                </span>
              )}
              {editable && (
                <button
                  type="button"
                  className="rounded px-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900"
                  aria-label={`Remove the alias ${alias.name}`}
                  disabled={removal.pending}
                  onClick={() =>
                    removal.submit(
                      () => removeAliasAction({ id: organisationId, aliasId: alias.id }),
                      () => router.refresh(),
                    )
                  }
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <FormAlert text={removal.failure?.error} compact />
      {editable && (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700 underline">Add another name…</summary>
          <form onSubmit={add} noValidate className="mt-2 flex flex-wrap items-end gap-3" aria-label="Add an alias">
            <label className={LABEL}>
              Another name or acronym
              <input name="name" className={FIELD_INLINE} maxLength={200} aria-invalid={Boolean(errors.name)} aria-describedby="alias-name-error" />
            </label>
            <label className={LABEL}>
              Language
              <select name="language" className={FIELD_INLINE} defaultValue="">
                <option value="">Any / not one language</option>
                {Object.entries(LANGUAGES).map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
              <input type="checkbox" name="acronym" /> Acronym
            </label>
            <Button type="submit" variant="secondary" size="sm" disabled={pending}>
              {pending ? "Adding…" : "Add alias"}
            </Button>
            <FieldError id="alias-name-error" text={errors.name ?? errors.language} />
            {!errors.name && <FormAlert text={failure && !failure.fieldErrors ? failure.error : null} compact />}
            {succeeded && <FormSaved text="Alias added." />}
          </form>
        </details>
      )}
    </section>
  );
}

export function MergeOrganisation({ organisationId, organisationName }: { organisationId: number; organisationName: string }) {
  const router = useRouter();
  const [chosen, setChosen] = useState<ComboboxOption | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { pending, submit, failure } = useActionForm();

  // Itself is no duplicate to merge.
  const search = async (text: string) => (await searchOrganisationOptions(text)).filter((o) => o.value !== String(organisationId));

  function merge() {
    if (!chosen) return;
    submit(
      () => mergeOrganisationsAction({ id: organisationId, input: { organisationId: Number(chosen.value) } }),
      () => {
        setConfirming(false);
        setChosen(null);
        router.push(`/organisations/${organisationId}?merged=1`);
        router.refresh();
      },
    );
  }

  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer font-semibold">Merge a duplicate into this organisation</summary>
      <div className="mt-3 space-y-3 text-sm">
        <p className="text-slate-600">
          The duplicate&apos;s countries, events and other names move to {organisationName}; its name becomes an alias. Where both are recorded in one country,
          the two records become one and its status is recomputed from the events of both.
        </p>
        <div className="max-w-md">
          <Combobox
            label="Duplicate to merge"
            name="organisationId"
            search={search}
            value={chosen}
            onChange={(option) => {
              setChosen(option);
              setConfirming(false);
            }}
            placeholder="Type a name or acronym"
          />
        </div>
        <FormAlert text={failure?.error} compact />
        {chosen && !confirming && (
          <Button type="button" variant="secondary" size="sm" onClick={() => setConfirming(true)}>
            Merge…
          </Button>
        )}
        {chosen && confirming && (
          <div role="alert" className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950">
            <p>
              Merge <strong>{chosen.label}</strong> into <strong>{organisationName}</strong>? {chosen.label} will no longer exist as an organisation of its own.
            </p>
            <div className="flex gap-2">
              <Button type="button" size="sm" onClick={merge} disabled={pending}>
                {pending ? "Merging…" : `Merge into ${organisationName}`}
              </Button>
              <Button type="button" size="sm" variant="secondary" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
            </div>
          </div>
        )}
      </div>
    </details>
  );
}
