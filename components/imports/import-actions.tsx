"use client";
import { useTranslations } from "use-intl";
import { useFormat } from "@/components/i18n/use-format";
// What can be done with an import: commit a preview (as drafts or published, with a progress
// bar), discard it, map its columns; undo a committed one with a reason.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FIELD, FieldError, FormAlert, LABEL, useActionForm } from "@/components/forms/field-kit";
import { discardImportAction, remapImportAction, undoImportAction } from "@/lib/actions/imports";
import { readNdjson } from "./ndjson";
import { ProgressBar } from "./progress-bar";

export function CommitImport({ importId, rows, errorRows, blocked }: { importId: number; rows: number; errorRows: number; blocked: string | null }) {
  const t = useTranslations("importActions");
  const tImports = useTranslations("imports");
  const f = useFormat();
  const router = useRouter();
  const [done, setDone] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState(true);
  const discard = useActionForm();

  async function commit() {
    setError(null);
    setDone(0);
    try {
      const response = await fetch(`/api/v1/imports/${importId}/commit`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/x-ndjson" },
        body: JSON.stringify({ draft }),
      });
      const outcome = await readNdjson(response, (line) => {
        const p = line.progress as { rows?: number } | undefined;
        if (p?.rows !== undefined) setDone(p.rows);
      });
      if (outcome.status >= 300) setError(outcome.error?.message ?? t("commitFailed"));
      else router.refresh();
    } catch {
      setError(tImports("connectionLost"));
    } finally {
      setDone(null);
    }
  }

  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      {errorRows > 0 ? (
        <p className="text-sm text-red-800">{t("errorRows", { count: errorRows })}</p>
      ) : (
        <>
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" checked={draft} onChange={(e) => setDraft(e.target.checked)} /> {t("asDraftsOption")}
          </label>
          {blocked && <p className="text-sm text-slate-600">{blocked}</p>}
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={commit} disabled={done !== null || Boolean(blocked)}>
              {done !== null ? t("writing") : draft ? t("importDrafts") : t("importPublish")}
            </Button>
          </div>
        </>
      )}
      {done !== null && (
        <ProgressBar label={t("writingRows")} value={done} max={rows} detail={t("writingDetail", { done: f.number(done), total: f.number(rows) })} />
      )}
      <FormAlert text={error} />
      <Button
        type="button"
        variant="secondary"
        size="sm"
        disabled={discard.pending || done !== null}
        onClick={() =>
          discard.submit(
            () => discardImportAction({ importId }),
            () => router.push("/imports"),
          )
        }
      >
        {t("discard")}
      </Button>
      <FormAlert text={discard.failure?.error} compact />
    </div>
  );
}

export function UndoImport({ importId }: { importId: number }) {
  const t = useTranslations("importActions");
  const router = useRouter();
  const { pending, submit, failure, errors } = useActionForm();
  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    submit(
      () => undoImportAction({ importId, input: { reason } }),
      () => router.refresh(),
    );
  }
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer font-semibold">{t("undoTitle")}</summary>
      <form onSubmit={send} noValidate className="mt-3 space-y-2">
        <p className="text-sm text-slate-600">{t("undoHelp")}</p>
        <label className={LABEL}>
          {t("reason")}
          <textarea name="reason" rows={2} className={FIELD} maxLength={1000} aria-invalid={Boolean(errors.reason)} aria-describedby="undo-reason-error" />
          <FieldError id="undo-reason-error" text={errors.reason} />
        </label>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t("undoing") : t("undo")}
        </Button>
        <FormAlert text={failure && !failure.fieldErrors ? failure.error : null} compact />
      </form>
    </details>
  );
}

export function MapColumns({
  importId,
  headers,
  table,
  mapping,
  fields,
}: {
  importId: number;
  headers: string[];
  table: string | null;
  mapping: Record<number, string>;
  fields: Record<string, { id: string; label: string }[]>;
}) {
  const t = useTranslations("importActions");
  const router = useRouter();
  const [chosen, setChosen] = useState(table ?? "events");
  const { pending, submit, failure } = useActionForm();
  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: Record<string, string> = {};
    headers.forEach((_, i) => {
      const field = String(data.get(`col-${i}`) ?? "");
      if (field) next[String(i)] = field;
    });
    submit(
      () => remapImportAction({ importId, input: { table: chosen, mapping: next } }),
      () => router.refresh(),
    );
  }
  return (
    <form onSubmit={send} className="space-y-3 rounded-lg border border-amber-300 bg-amber-50/50 p-4" aria-label={t("mapTitle")}>
      <h2 className="font-semibold">{t("mapTitle")}</h2>
      <label className={`${LABEL} max-w-xs`}>
        {t("holds")}
        <select className={FIELD} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="events">{t("events")}</option>
          <option value="presences">{t("presences")}</option>
          <option value="organisations">{t("organisations")}</option>
        </select>
      </label>
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {headers.map((header, i) => (
          <label key={`${chosen}-${i}`} className={LABEL}>
            <span className="truncate" title={header}>
              {t("column", { number: i + 1, header: header || t("noHeader") })}
            </span>
            <select name={`col-${i}`} className={FIELD} defaultValue={chosen === table ? (mapping[i] ?? "") : ""}>
              <option value="">{t("notImported")}</option>
              {fields[chosen]!.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("checking") : t("apply")}
      </Button>
      <FormAlert text={failure?.error} compact />
    </form>
  );
}
