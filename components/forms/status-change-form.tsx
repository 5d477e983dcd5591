"use client";
import { useTranslations } from "use-intl";
import { useFormat } from "@/components/i18n/use-format";
// "Change status": the new status, what happened and when (with its precision), and at
// least one source (event-fields.tsx). On a conflict nothing is saved: the form shows what
// changed meanwhile and keeps every field, so the analyst can re-apply the change on top of it.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { changeStatusAction } from "@/lib/actions/status-change";
import type { ActionFailure } from "@/lib/actions/action";
import { StatusBadge } from "@/components/ui/status-badge";
import { callAction } from "@/lib/actions/call";
import { Button } from "@/components/ui/button";
import { EventFields, useEventDraft, type SourceOption } from "./event-fields";

interface Props {
  presenceId: number;
  version: number;
  organisationName: string;
  countryName: string;
  sourceOptions: SourceOption[];
  backHref: string;
}

export function StatusChangeForm({ presenceId, version: initialVersion, organisationName, countryName, sourceOptions, backHref }: Props) {
  const t = useTranslations("presenceForms");
  const f = useFormat();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [version, setVersion] = useState(initialVersion);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const draft = useEventDraft(sourceOptions);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const change = { ...draft.read(new FormData(event.currentTarget)), version };
    startTransition(async () => {
      const result = await callAction(() => changeStatusAction({ presenceId, change }));
      if (result.ok) {
        draft.remember();
        router.push(`${backHref}?saved=${result.value.eventId}${result.value.reviewState === "DRAFT" ? "&draft=1" : ""}`);
      } else setFailure(result);
    });
  }

  const conflict = failure?.conflict?.record === "presence" ? failure.conflict.now : null;
  return (
    <form onSubmit={submit} noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-5" aria-describedby="form-status">
      <div id="form-status" aria-live="polite">
        {conflict ? (
          <div role="alert" className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-4 text-sm text-amber-950" data-testid="conflict">
            <p className="font-semibold">{failure?.error}</p>
            <p className="flex flex-wrap items-center gap-2">
              {t("now")} <StatusBadge status={conflict.status} />
              {conflict.since && t("since", { date: f.isoDate(conflict.since) })}
            </p>
            {conflict.lastChange && (
              <p>
                {t("latestChange", { summary: conflict.lastChange.summary, date: f.isoDate(conflict.lastChange.occurredOn) })}
                {conflict.lastChange.by && t("recordedBy", { name: conflict.lastChange.by })}.
              </p>
            )}
            <button
              type="button"
              className="rounded-md bg-amber-900 px-3 py-1.5 font-medium text-white hover:bg-amber-800"
              onClick={() => {
                setVersion(conflict.version);
                setFailure(null);
              }}
            >
              {t("keepMine")}
            </button>
          </div>
        ) : failure ? (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
            {failure.error}
          </p>
        ) : null}
      </div>

      <EventFields draft={draft} errors={failure?.fieldErrors ?? {}} subject={f.presence(organisationName, countryName)} />

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("saveStatus")}
        </Button>
        <a href={backHref} className="text-sm text-slate-700 underline">
          {t("cancel")}
        </a>
      </div>
    </form>
  );
}
