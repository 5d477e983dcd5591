"use client";
import { useTranslations } from "use-intl";
// A red "Revoke" (or "Disable") button that asks first and shows why it failed: tokens, feeds, webhooks.
import { useState, useTransition } from "react";
import { callAction } from "@/lib/actions/call";
import type { ActionResult } from "@/lib/actions/action";

export function RevokeButton({
  label,
  confirmText,
  revoke,
  verb,
  tone = "danger",
}: {
  label: string;
  confirmText: string;
  revoke: () => Promise<ActionResult<void>>;
  /** The button's text, and its text while it works. */
  verb?: [string, string];
  /** "danger" (red) for what cannot be undone; "plain" for an action that is not (a re-send). */
  tone?: "danger" | "plain";
}) {
  const t = useTranslations("account");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        aria-label={label}
        className={`rounded-md border bg-white px-2 py-1 text-sm font-medium disabled:text-slate-500 ${tone === "danger" ? "border-red-300 text-red-800 hover:bg-red-50" : "border-slate-300 text-slate-800 hover:bg-slate-50"}`}
        onClick={() => {
          if (!window.confirm(confirmText)) return;
          startTransition(async () => {
            const result = await callAction(revoke);
            setError(result.ok ? null : result.error);
          });
        }}
      >
        {pending ? (verb?.[1] ?? t("revoking")) : (verb?.[0] ?? t("revoke"))}
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
