"use client";
// Publishing a draft assessment from the country page (the server checks the role and four eyes).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { publishAssessmentAction } from "@/lib/actions/assessments";
import { callAction } from "@/lib/actions/call";
import { Button } from "@/components/ui/button";

export function PublishAssessmentButton({ id, version }: { id: number; version: number }) {
  const t = useTranslations("countryAssessments");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        size="sm"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await callAction(() => publishAssessmentAction({ id, version }));
            setError(result.ok ? null : result.error);
            if (result.ok) router.refresh();
          })
        }
      >
        {pending ? t("publishing") : t("publish")}
      </Button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
