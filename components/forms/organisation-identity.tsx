"use client";
import { useTranslations } from "use-intl";
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

/** The languages an alias may be in (their names are messages: identity.languages.*). */
const LANGUAGES = ["en", "fr", "ar", "es", "pt"] as const;
const isListed = (code: string): code is (typeof LANGUAGES)[number] => (LANGUAGES as readonly string[]).includes(code);

export function AliasList({ organisationId, aliases, editable }: { organisationId: number; aliases: AliasItem[]; editable: boolean }) {
  const t = useTranslations("identity");
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
        {t("alsoKnownAs")}
      </h2>
      {aliases.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noAlias")}</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label={t("aliases")}>
          {aliases.map((alias) => (
            <li key={alias.id} className="flex items-center gap-2 rounded-md border border-slate-200 bg-white px-2.5 py-1 text-sm">
              <span className="font-medium">{alias.name}</span>
              <span className="text-slate-500">
                {[
                  alias.acronym ? t("acronymWord") : null,
                  alias.language ? (isListed(alias.language) ? t(`languages.${alias.language}`) : alias.language) : null,
                ]
                  .filter(Boolean)
                  .join(", ")}
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
                  aria-label={t("removeAlias", { name: alias.name })}
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
          <summary className="cursor-pointer text-slate-700 underline">{t("addAnother")}</summary>
          <form onSubmit={add} noValidate className="mt-2 flex flex-wrap items-end gap-3" aria-label={t("addAliasLabel")}>
            <label className={LABEL}>
              {t("anotherName")}
              <input name="name" className={FIELD_INLINE} maxLength={200} aria-invalid={Boolean(errors.name)} aria-describedby="alias-name-error" />
            </label>
            <label className={LABEL}>
              {t("language")}
              <select name="language" className={FIELD_INLINE} defaultValue="">
                <option value="">{t("anyLanguage")}</option>
                {LANGUAGES.map((code) => (
                  <option key={code} value={code}>
                    {t(`languages.${code}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
              <input type="checkbox" name="acronym" /> {t("acronym")}
            </label>
            <Button type="submit" variant="secondary" size="sm" disabled={pending}>
              {pending ? t("adding") : t("addAlias")}
            </Button>
            <FieldError id="alias-name-error" text={errors.name ?? errors.language} />
            {!errors.name && <FormAlert text={failure && !failure.fieldErrors ? failure.error : null} compact />}
            {succeeded && <FormSaved text={t("aliasAdded")} />}
          </form>
        </details>
      )}
    </section>
  );
}

export function MergeOrganisation({ organisationId, organisationName }: { organisationId: number; organisationName: string }) {
  const t = useTranslations("identity");
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
      <summary className="cursor-pointer font-semibold">{t("mergeTitle")}</summary>
      <div className="mt-3 space-y-3 text-sm">
        <p className="text-slate-600">{t("mergeHelp", { name: organisationName })}</p>
        <div className="max-w-md">
          <Combobox
            label={t("duplicate")}
            name="organisationId"
            search={search}
            value={chosen}
            onChange={(option) => {
              setChosen(option);
              setConfirming(false);
            }}
            placeholder={t("duplicatePlaceholder")}
          />
        </div>
        <FormAlert text={failure?.error} compact />
        {chosen && !confirming && (
          <Button type="button" variant="secondary" size="sm" onClick={() => setConfirming(true)}>
            {t("merge")}
          </Button>
        )}
        {chosen && confirming && (
          <div role="alert" className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950">
            <p>{t.rich("mergeConfirm", { duplicate: chosen.label, name: organisationName, b: (text) => <strong>{text}</strong> })}</p>
            <div className="flex gap-2">
              <Button type="button" size="sm" onClick={merge} disabled={pending}>
                {pending ? t("merging") : t("mergeInto", { name: organisationName })}
              </Button>
              <Button type="button" size="sm" variant="secondary" onClick={() => setConfirming(false)}>
                {t("cancel")}
              </Button>
            </div>
          </div>
        )}
      </div>
    </details>
  );
}
