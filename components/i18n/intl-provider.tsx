"use client";
// use-intl's provider for the client components, with the request's language and messages
// (chosen on the server, lib/i18n/server.ts). Keys are typed, so a missing message fails the
// type check; one that still slips through shows its key and logs an error, which e2e notices.
import type { ReactNode } from "react";
import { IntlProvider } from "use-intl";
import type { Locale } from "@/lib/domain/locales";
import type { Messages } from "@/lib/i18n/messages";

export function ClientIntlProvider({ locale, messages, children }: { locale: Locale; messages: Partial<Messages>; children: ReactNode }) {
  return (
    <IntlProvider locale={locale} messages={messages} timeZone="UTC">
      {children}
    </IntlProvider>
  );
}
