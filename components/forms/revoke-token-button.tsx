"use client";
import { useState, useTransition } from "react";
import { revokeTokenAction } from "@/lib/actions/api-tokens";
import { callAction } from "@/lib/actions/call";

export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        aria-label={`Revoke token ${name}`}
        className="rounded-md border border-red-300 bg-white px-2 py-1 text-sm font-medium text-red-800 hover:bg-red-50 disabled:text-slate-500"
        onClick={() => {
          if (!window.confirm(`Revoke "${name}"? Scripts using it will stop working at once.`)) return;
          startTransition(async () => {
            const result = await callAction(() => revokeTokenAction({ id }));
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
