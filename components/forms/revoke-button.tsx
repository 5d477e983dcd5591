"use client";
// A red "Revoke" button that asks first and shows why it failed, for tokens and feeds.
import { useState, useTransition } from "react";
import { callAction } from "@/lib/actions/call";
import type { ActionResult } from "@/lib/actions/action";

export function RevokeButton({ label, confirmText, revoke }: { label: string; confirmText: string; revoke: () => Promise<ActionResult<void>> }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        aria-label={label}
        className="rounded-md border border-red-300 bg-white px-2 py-1 text-sm font-medium text-red-800 hover:bg-red-50 disabled:text-slate-500"
        onClick={() => {
          if (!window.confirm(confirmText)) return;
          startTransition(async () => {
            const result = await callAction(revoke);
            setError(result.ok ? null : result.error);
          });
        }}
      >
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
