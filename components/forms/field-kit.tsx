"use client";
// The pieces every form is made of: one hook for sending a form to a server action (pending
// state, the failure with its field errors, the success), and the classes and messages of
// fields, so that forms look and behave alike.
import { useState, useTransition } from "react";
import type { ActionFailure, ActionResult } from "@/lib/actions/action";
import { callAction } from "@/lib/actions/call";

/** A full-width input, select or textarea; red when aria-invalid. */
export const FIELD = "w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 aria-[invalid=true]:border-red-600";
/** An input that sizes to its content, for inline forms. */
export const FIELD_INLINE = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 aria-[invalid=true]:border-red-600";
/** A label wrapping its title and its field. */
export const LABEL = "flex flex-col gap-1 text-sm font-medium text-slate-700";

/**
 * Runs a server action from a form: `submit(run, onSuccess)` calls it (a refused or dropped
 * request becomes an ordinary failure, see callAction) and keeps what came back.
 */
export function useActionForm() {
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [succeeded, setSucceeded] = useState(false);
  function submit<T>(run: () => Promise<ActionResult<T>>, onSuccess?: (value: T) => void) {
    startTransition(async () => {
      const result = await callAction(run);
      setFailure(result.ok ? null : result);
      setSucceeded(result.ok);
      if (result.ok) onSuccess?.(result.value);
    });
  }
  return { pending, submit, failure, setFailure, succeeded, errors: failure?.fieldErrors ?? {} };
}

/** A field's error, linked to its field by id (aria-describedby). */
export function FieldError({ id, text }: { id?: string; text?: string }) {
  return text ? (
    <span id={id} className="font-normal text-red-700">
      {text}
    </span>
  ) : null;
}

/** The form's own failure message, announced to screen readers. */
export function FormAlert({ text, compact = false }: { text?: string | null; compact?: boolean }) {
  if (!text) return null;
  return compact ? (
    <p role="alert" className="text-sm text-red-700">
      {text}
    </p>
  ) : (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
      {text}
    </p>
  );
}

/** What a successful save says, announced politely. */
export function FormSaved({ text }: { text: string }) {
  return (
    <p role="status" className="text-sm text-emerald-800">
      {text}
    </p>
  );
}

/** "Save as a draft for review", with what a draft means: every form that may save one. */
export function DraftCheckbox({ label, help }: { label: string; help: string }) {
  return (
    <label className="flex items-start gap-2 text-sm text-slate-800">
      <input type="checkbox" name="saveAsDraft" className="mt-0.5 size-4" />
      <span>
        {label}
        <span className="block text-xs text-slate-600">{help}</span>
      </span>
    </label>
  );
}
