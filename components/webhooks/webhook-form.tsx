"use client";
import { useLocale, useTranslations } from "use-intl";
// Subscribe an address to kinds of change; the signing secret is shown once, here.
import { useState, useTransition, type FormEvent } from "react";
import { createWebhookAction } from "@/lib/actions/webhooks";
import { callAction } from "@/lib/actions/call";
import { CHANGE_KIND_LABELS, CHANGE_KIND_LABELS_FR, CHANGE_KINDS } from "@/lib/domain/changes";
import { FIELD_INLINE } from "@/components/forms/field-kit";
import { Button } from "@/components/ui/button";

/** Checked at first: what an analyst's partners usually want to hear about. */
const DEFAULT_KINDS = new Set(["event.published", "event.corrected", "event.retracted", "presence.statusChanged"]);

export function WebhookForm() {
  const t = useTranslations("admin");
  const locale = useLocale();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [created, setCreated] = useState<{ id: number; secret: string } | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await callAction(() => createWebhookAction({ url: data.get("url"), events: data.getAll("events") }));
      if (result.ok) {
        setCreated(result.value);
        setErrors({});
        setMessage(null);
      } else {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.error);
      }
    });
  }

  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">{t("addWebhook")}</h2>
      <form onSubmit={submit} className="space-y-3" noValidate>
        <label className="flex max-w-xl flex-col gap-1 text-xs font-medium text-slate-600">
          {t("address")}
          <input
            name="url"
            type="url"
            required
            placeholder="https://hooks.example.org/access-monitor"
            aria-invalid={Boolean(errors.url)}
            aria-describedby={errors.url ? "url-error" : undefined}
            className={FIELD_INLINE}
          />
          {errors.url && (
            <span id="url-error" className="text-xs font-normal text-red-700">
              {errors.url}
            </span>
          )}
        </label>
        <fieldset aria-describedby={errors.events ? "events-error" : undefined}>
          <legend className="text-xs font-medium text-slate-600">{t("kindsToSend")}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {CHANGE_KINDS.map((kind) => (
              <label key={kind} className="flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" name="events" value={kind} defaultChecked={DEFAULT_KINDS.has(kind)} className="size-4" />
                {(locale === "fr" ? CHANGE_KIND_LABELS_FR : CHANGE_KIND_LABELS)[kind]}
              </label>
            ))}
          </div>
          {errors.events && (
            <span id="events-error" className="text-xs text-red-700">
              {errors.events}
            </span>
          )}
        </fieldset>
        <Button type="submit" disabled={pending} size="sm">
          {pending ? t("adding") : t("add")}
        </Button>
      </form>
      {message && (
        <p role="alert" className="text-sm text-red-700">
          {message}
        </p>
      )}
      {created && (
        <div role="status" className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm">
          <p className="font-medium text-emerald-900">{t("copySecret")}</p>
          <code data-testid="webhook-secret" className="block break-all rounded bg-white px-2 py-1">
            {created.secret}
          </code>
          <p className="text-emerald-900">
            {t.rich("signatureHelp", { header: "X-Access-Monitor-Signature: t=…,v1=…", signed: "<t>.<body>", code: (text) => <code>{text}</code> })}{" "}
            <a className="underline" href={`/admin/webhooks/${created.id}`}>
              {t("seeDeliveries")}
            </a>
            .
          </p>
        </div>
      )}
    </div>
  );
}
