import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ClientIntlProvider } from "@/components/i18n/intl-provider";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { clientMessages } from "@/lib/i18n/messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: { default: t("title"), template: `%s · ${t("title")}` }, description: t("description") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        <ClientIntlProvider locale={locale} messages={clientMessages(locale)}>
          {children}
        </ClientIntlProvider>
      </body>
    </html>
  );
}
