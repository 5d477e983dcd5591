// Dates, numbers and vocabulary labels in one language, the same for server and client
// components (lib/i18n/server.ts getFormat, components/i18n/use-format.ts useFormat).
import type { Locale } from "@/lib/domain/locales";
import { formatNumber, presenceName } from "@/lib/domain/format";
import { formatInstant, formatIsoDate, formatMonth, formatPartialDate } from "@/lib/domain/partial-date";
import { vocabularyLabels, type DatePrecision } from "@/lib/domain/vocabulary";

export function formatterFor(locale: Locale) {
  return {
    locale,
    number: (value: number) => formatNumber(value, locale),
    date: (date: Date, precision: DatePrecision = "DAY") => formatPartialDate(date, precision, locale),
    isoDate: (iso: string, precision: DatePrecision = "DAY") => formatIsoDate(iso, precision, locale),
    instant: (at: Date | string) => formatInstant(at, locale),
    month: (year: number, monthIndex: number) => formatMonth(year, monthIndex, locale),
    labels: vocabularyLabels(locale),
    presence: (organisation: string, country: string) => presenceName(organisation, country, locale),
  };
}

export type Formatter = ReturnType<typeof formatterFor>;
