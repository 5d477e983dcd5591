"use client";
import { useTranslations } from "use-intl";
// The account page's two forms: change my password (current one required), and sign out
// everywhere. Both end sessions: the first every other one, the second this one too.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { changePasswordAction, signOutEverywhereAction } from "@/lib/actions/account";
import { Button } from "@/components/ui/button";
import { callAction } from "@/lib/actions/call";
import type { ActionFailure } from "@/lib/actions/action";
import { FIELD } from "./field-kit";

const FIELDS = [
  { name: "currentPassword", autoComplete: "current-password" },
  { name: "newPassword", autoComplete: "new-password" },
  { name: "confirmPassword", autoComplete: "new-password" },
] as const;

export function PasswordChangeForm({ required, email }: { required: boolean; email: string }) {
  const t = useTranslations("account");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [saved, setSaved] = useState(false);
  const errors = failure?.fieldErrors ?? {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = Object.fromEntries(FIELDS.map((f) => [f.name, String(new FormData(form).get(f.name) ?? "")]));
    startTransition(async () => {
      const result = await callAction(() => changePasswordAction(input));
      if (!result.ok) return setFailure(result);
      setFailure(null);
      setSaved(true);
      form.reset();
      // A one-time password replaced: the rest of the app opens.
      if (required) router.replace("/");
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t("changePassword")}>
      {failure && !Object.keys(errors).length && (
        <p role="alert" className="text-sm text-red-700">
          {failure.error}
        </p>
      )}
      {saved && (
        <p role="status" className="text-sm text-emerald-800">
          {t("passwordChanged")}
        </p>
      )}
      {/* For password managers: which account this password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      {FIELDS.map((f) => (
        <div key={f.name} className="space-y-1">
          <label htmlFor={f.name} className="block text-sm font-medium text-slate-700">
            {t(f.name)}
          </label>
          <input
            id={f.name}
            name={f.name}
            type="password"
            autoComplete={f.autoComplete}
            className={FIELD}
            aria-invalid={Boolean(errors[f.name])}
            aria-describedby={errors[f.name] ? `${f.name}-error` : undefined}
          />
          {errors[f.name] && (
            <p id={`${f.name}-error`} className="text-sm text-red-700">
              {errors[f.name]}
            </p>
          )}
        </div>
      ))}
      <Button type="submit" disabled={pending}>
        {pending ? t("changing") : t("change")}
      </Button>
    </form>
  );
}

export function SignOutEverywhereButton() {
  const t = useTranslations("account");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await callAction(() => signOutEverywhereAction({}));
            if (!result.ok) return setError(result.error);
            router.replace("/sign-in");
            router.refresh();
          })
        }
      >
        {pending ? t("signingOut") : t("signOutEverywhere")}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
