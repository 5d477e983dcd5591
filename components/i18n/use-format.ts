"use client";
import { useMemo } from "react";
import { useLocale } from "use-intl";
import { formatterFor } from "@/lib/i18n/format";

/** Dates, numbers and vocabulary labels in the page's language, for client components. */
export function useFormat() {
  const locale = useLocale();
  return useMemo(() => formatterFor(locale), [locale]);
}
