"use client";
import { useTranslations } from "use-intl";
import { useFormat } from "@/components/i18n/use-format";
// Choose a file and send it to POST /api/v1/imports?preview=true: the server reads and checks
// it as it streams in, and tells how far it got; then the preview page opens. Nothing is
// written to the data until the analyst commits there.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert, LABEL } from "@/components/forms/field-kit";
import { IMPORT_MAX_BYTES } from "@/lib/domain/import-format";
import { readNdjson } from "./ndjson";
import { ProgressBar } from "./progress-bar";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function UploadForm() {
  const t = useTranslations("imports");
  const f = useFormat();
  const router = useRouter();
  const [progress, setProgress] = useState<{ bytes: number; rows: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = (new FormData(event.currentTarget).get("file") as File | null) ?? null;
    setError(null);
    if (!file || file.size === 0) return setError(file ? t("empty") : t("chooseFile"));
    if (file.size > IMPORT_MAX_BYTES) return setError(t("tooLarge", { size: megabytes(IMPORT_MAX_BYTES) }));
    setBusy(true);
    setProgress({ bytes: 0, rows: 0, total: file.size });
    try {
      const response = await fetch("/api/v1/imports?preview=true", {
        method: "POST",
        headers: {
          "content-type": /\.xlsx$/i.test(file.name) ? XLSX : "text/csv",
          accept: "application/x-ndjson",
          "x-file-name": encodeURIComponent(file.name),
        },
        body: file,
      });
      const outcome = await readNdjson(response, (line) => {
        const p = line.progress as { bytes?: number; rows?: number } | undefined;
        if (p) setProgress({ bytes: p.bytes ?? 0, rows: p.rows ?? 0, total: file.size });
      });
      if (outcome.status >= 300 || !outcome.result) {
        setError(outcome.error?.message ?? t("failed"));
        return;
      }
      router.push(`/imports/${(outcome.result as { id: number }).id}`);
    } catch {
      setError(t("connectionLost"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-5" aria-label={t("uploadLabel")}>
      <label className={LABEL}>
        {t("fileLabel", { size: megabytes(IMPORT_MAX_BYTES) })}
        <input name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="text-sm" />
      </label>
      <p className="text-sm text-slate-600">{t("uploadHelp")}</p>
      <FormAlert text={error} />
      {progress && busy && (
        <ProgressBar
          label={t("reading")}
          value={progress.bytes}
          max={progress.total}
          detail={t("readingDetail", { done: megabytes(progress.bytes), total: megabytes(progress.total), rows: f.number(progress.rows) })}
        />
      )}
      <Button type="submit" disabled={busy}>
        {busy ? t("busy") : t("upload")}
      </Button>
    </form>
  );
}
