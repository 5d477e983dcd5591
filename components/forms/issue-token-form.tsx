"use client";
import { useTranslations } from "use-intl";
import { useFormat } from "@/components/i18n/use-format";
// Issue an API token: the token is shown once, here, with a copy button; only its hash is kept.
import { useState, useTransition, type FormEvent } from "react";
import { issueTokenAction } from "@/lib/actions/api-tokens";
import { callAction } from "@/lib/actions/call";
import { DEFAULT_TOKEN_DAYS } from "@/lib/domain/api-tokens";
import { FIELD_INLINE } from "./field-kit";
import { Button } from "@/components/ui/button";

export function IssueTokenForm() {
  const t = useTranslations("admin");
  const f = useFormat();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ token: string; expiresAt: string; readOnly: boolean } | null>(null);
  const [copied, setCopied] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const expires = String(data.get("expiresInDays") ?? "");
    startTransition(async () => {
      const result = await callAction(() =>
        issueTokenAction({
          name: data.get("name"),
          email: data.get("email"),
          readOnly: data.get("readOnly") === "on",
          ...(expires ? { expiresInDays: expires } : {}),
        }),
      );
      if (result.ok) {
        setErrors({});
        setMessage(null);
        setIssued(result.value);
        setCopied(false);
        form.reset();
      } else {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.error);
      }
    });
  }

  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">{t("issueTitle")}</h2>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" noValidate>
        {[
          { name: "name", label: t("tokenName"), type: "text", placeholder: t("tokenNamePlaceholder"), required: true },
          { name: "email", label: t("actsAsEmail"), type: "email", placeholder: "analyst@example.org", required: true },
          {
            name: "expiresInDays",
            label: t("expiresAfter", { days: DEFAULT_TOKEN_DAYS }),
            type: "number",
            placeholder: String(DEFAULT_TOKEN_DAYS),
            required: false,
          },
        ].map((f) => (
          <label key={f.name} className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            {f.label}
            <input
              name={f.name}
              type={f.type}
              placeholder={f.placeholder}
              required={f.required}
              aria-invalid={Boolean(errors[f.name])}
              aria-describedby={errors[f.name] ? `${f.name}-error` : undefined}
              className={FIELD_INLINE}
            />
            {errors[f.name] && (
              <span id={`${f.name}-error`} className="text-xs font-normal text-red-700">
                {errors[f.name]}
              </span>
            )}
          </label>
        ))}
        <label className="flex items-center gap-2 self-center text-sm text-slate-700">
          <input type="checkbox" name="readOnly" className="size-4" />
          {t("readOnlyOption")}
        </label>
        <Button type="submit" disabled={pending} size="sm">
          {pending ? t("issuing") : t("issue")}
        </Button>
      </form>
      {message && (
        <p role="alert" className="text-sm text-red-700">
          {message}
        </p>
      )}
      {issued && (
        <div role="status" className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm">
          <p className="font-medium text-emerald-900">{t("copyToken")}</p>
          <div className="flex flex-wrap items-center gap-2">
            <code data-testid="new-token" className="break-all rounded bg-white px-2 py-1">
              {issued.token}
            </code>
            <button
              type="button"
              className="rounded-md border border-slate-300 bg-white px-2 py-1"
              onClick={() =>
                navigator.clipboard?.writeText(issued.token).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {copied ? t("copied") : t("copy")}
            </button>
          </div>
          <p className="text-emerald-900">
            {issued.readOnly ? t("readOnlyNote") : ""}
            {t("expiresOn", { date: f.instant(issued.expiresAt) })}
          </p>
          <p className="text-emerald-900">
            {t.rich("useIt", {
              header: "Authorization: Bearer <token>",
              code: (text) => <code>{text}</code>,
              link: (text) => (
                <a className="underline" href="/api/v1/openapi.json">
                  {text}
                </a>
              ),
            })}
          </p>
        </div>
      )}
    </div>
  );
}
