"use client";
import { useTranslations } from "use-intl";
// A draft's review: publish it, or return it to its author with a comment. The server checks
// the role and, with four eyes on, that the reviewer is not the author.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { publishEventAction, returnDraftAction } from "@/lib/actions/events";
import { Button } from "@/components/ui/button";
import { FIELD, FieldError, FormAlert, LABEL, useActionForm } from "./field-kit";

export function ReviewActions({
  eventId,
  version,
  own,
  fourEyes,
  onEventPage = false,
}: {
  eventId: number;
  version: number;
  own: boolean;
  fourEyes: boolean;
  onEventPage?: boolean;
}) {
  const t = useTranslations("review");
  const router = useRouter();
  const { pending, submit, failure, errors } = useActionForm();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState("");
  const blocked = own && fourEyes;

  return (
    <div className="mt-3 space-y-2 border-t border-slate-200 pt-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="button"
          size="sm"
          disabled={pending || blocked}
          onClick={() =>
            submit(
              () => publishEventAction({ eventId, input: { version } }),
              () => router.refresh(),
            )
          }
        >
          {t("publish")}
        </Button>
        <Button type="button" size="sm" variant="secondary" disabled={pending} onClick={() => setReturning((r) => !r)} aria-expanded={returning}>
          {t("returnToAuthor")}
        </Button>
        {!onEventPage && (
          <a href={`/events/${eventId}`} className="text-sm underline">
            {t("openAndEdit")}
          </a>
        )}
        {blocked && <span className="text-sm text-slate-600">{t("ownDraft")}</span>}
      </div>
      {returning && (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            submit(
              () => returnDraftAction({ eventId, input: { version, comment } }),
              () => {
                setReturning(false);
                router.refresh();
              },
            );
          }}
        >
          <label className={LABEL}>
            {t("whatToChange")}
            <textarea
              className={FIELD}
              rows={2}
              value={comment}
              maxLength={1000}
              onChange={(e) => setComment(e.target.value)}
              aria-invalid={Boolean(errors.comment)}
              aria-describedby={`return-${eventId}-error`}
            />
            <FieldError id={`return-${eventId}-error`} text={errors.comment} />
          </label>
          <Button type="submit" size="sm" variant="secondary" disabled={pending}>
            {t("returnWithComment")}
          </Button>
        </form>
      )}
      <FormAlert text={failure && !failure.fieldErrors?.comment ? failure.error : null} compact />
    </div>
  );
}
