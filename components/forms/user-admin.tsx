"use client";
import { useTranslations } from "use-intl";
import { useFormat } from "@/components/i18n/use-format";
// Admin controls for users: create one, and per user change the role, disable or enable,
// reset the password (a one-time password the user must replace), sign them out
// everywhere. Each answer (or refusal, e.g. the last admin) shows next to it.
import { useState, useTransition, type FormEvent } from "react";
import { changeRoleAction, createUserAction, resetPasswordAction, setDisabledAction } from "@/lib/actions/users";
import { signOutEverywhereAction } from "@/lib/actions/account";
import type { ActionResult } from "@/lib/actions/action";
import { ROLES, type Role } from "@/lib/domain/vocabulary";
import { callAction } from "@/lib/actions/call";
import { FIELD_INLINE } from "./field-kit";
import { Button } from "@/components/ui/button";

function useAction() {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const run = (call: () => Promise<ActionResult<unknown>>) => startTransition(async () => setResult(await callAction(call)));
  return { pending, result, run, errors: result && !result.ok ? (result.fieldErrors ?? {}) : {} };
}

export function CreateUserForm() {
  const t = useTranslations("admin");
  const { labels } = useFormat();
  const create = useAction();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = Object.fromEntries(new FormData(form));
    create.run(async () => {
      const result = await callAction(() => createUserAction(input));
      if (result.ok) form.reset();
      return result;
    });
  }
  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
      aria-label={t("createUserLabel")}
    >
      {(["name", "email", "password"] as const).map((name) => (
        <label key={name} className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {t(({ name: "newName", email: "newEmail", password: "newPassword" } as const)[name])}
          <input
            name={name}
            type={name === "email" ? "email" : name === "password" ? "password" : "text"}
            autoComplete="off"
            className={FIELD_INLINE}
            aria-invalid={Boolean(create.errors[name])}
            aria-describedby={create.errors[name] ? `new-${name}-error` : undefined}
          />
          {create.errors[name] && (
            <span id={`new-${name}-error`} className="font-normal text-red-700">
              {create.errors[name]}
            </span>
          )}
        </label>
      ))}
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {t("role")}
        <select name="role" defaultValue="VIEWER" className={FIELD_INLINE}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {labels.role[r]}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" disabled={create.pending} size="sm">
        {create.pending ? t("creating") : t("createUser")}
      </Button>
      {create.result &&
        (create.result.ok ? (
          <p role="status" className="w-full text-sm text-emerald-800">
            {t("userCreated")}
          </p>
        ) : (
          <p role="alert" className="w-full text-sm text-red-700">
            {create.result.error}
          </p>
        ))}
    </form>
  );
}

export function UserControls({ user }: { user: { id: number; email: string; role: Role; disabled: boolean } }) {
  const t = useTranslations("admin");
  const { labels } = useFormat();
  const act = useAction();
  const [resetting, setResetting] = useState(false);
  const [role, setRole] = useState<Role>(user.role);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${user.id}`}>
        {t("roleOf", { email: user.email })}
      </label>
      <select
        id={`role-${user.id}`}
        value={role}
        disabled={act.pending}
        className={FIELD_INLINE}
        onChange={(e) => {
          const next = e.target.value as Role;
          setRole(next);
          act.run(async () => {
            const result = await callAction(() => changeRoleAction({ userId: user.id, role: next }));
            if (!result.ok) setRole(user.role); // refused: show the role that is still in force
            return result;
          });
        }}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {labels.role[r]}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={act.pending}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100"
        aria-label={user.disabled ? t("enableUser", { email: user.email }) : t("disableUser", { email: user.email })}
        onClick={() => act.run(() => setDisabledAction({ userId: user.id, disabled: !user.disabled }))}
      >
        {user.disabled ? t("enable") : t("disable")}
      </button>
      {resetting ? (
        <form
          className="flex items-center gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            const password = String(new FormData(e.currentTarget).get("password") ?? "");
            act.run(async () => {
              const result = await callAction(() => resetPasswordAction({ userId: user.id, password }));
              if (result.ok) setResetting(false);
              return result;
            });
          }}
        >
          <input name="password" type="password" autoComplete="new-password" aria-label={t("newPasswordFor", { email: user.email })} className={FIELD_INLINE} />
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
            {t("set")}
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100"
          onClick={() => setResetting(true)}
          aria-label={t("resetPasswordOf", { email: user.email })}
        >
          {t("resetPassword")}
        </button>
      )}
      <button
        type="button"
        disabled={act.pending}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100"
        aria-label={t("signOutUser", { email: user.email })}
        onClick={() => act.run(() => signOutEverywhereAction({ userId: user.id }))}
      >
        {t("signOutEverywhere")}
      </button>
      {act.result && !act.result.ok && (
        <span role="alert" className="text-sm text-red-700">
          {act.result.fieldErrors?.password ?? act.result.error}
        </span>
      )}
      {act.result?.ok && (
        <span role="status" className="text-sm text-emerald-800">
          {t("savedSignedOut")}
        </span>
      )}
    </div>
  );
}
