"use client";
// The language switch in the header and on the sign-in page: each language named in itself,
// the current one pressed. The choice is saved on the server, then the page renders again.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useLocale, useTranslations } from "use-intl";
import { chooseLocaleAction } from "@/lib/actions/locale";
import { LOCALE_NAMES, LOCALES } from "@/lib/domain/locales";

export function LanguageSwitch() {
  const t = useTranslations("shell");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);
  return (
    <div role="group" aria-label={t("language")} className="flex items-center gap-0.5 text-xs">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          disabled={pending}
          title={LOCALE_NAMES[locale]}
          onClick={() =>
            startTransition(async () => {
              const result = await chooseLocaleAction({ locale }).catch(() => null);
              setFailed(!result?.ok);
              if (result?.ok) router.refresh();
            })
          }
          className={`rounded px-1.5 py-1 font-medium uppercase ${locale === current ? "bg-slate-200 text-slate-900" : "text-slate-600 hover:bg-slate-100"}`}
        >
          <span aria-hidden>{locale}</span>
          <span className="sr-only">{LOCALE_NAMES[locale]}</span>
        </button>
      ))}
      {failed && (
        <span role="alert" className="ml-1 text-red-700">
          {t("languageFailed")}
        </span>
      )}
    </div>
  );
}
