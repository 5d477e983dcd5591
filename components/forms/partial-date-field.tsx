"use client";
import { useTranslations } from "use-intl";
// A date known to the day, the month or the year, entered as it is known: a day picker,
// a month picker ("2023-12") or a year ("2012"). The precision comes first; changing it
// keeps what still applies (the year, the month). The form receives the first day of the
// period as YYYY-MM-DD in `name`, and the precision in `precisionName`, which is what the
// server stores (lib/domain/partial-date.ts).
import { useId } from "react";
import { DATE_PRECISIONS, type DatePrecision } from "@/lib/domain/vocabulary";
import { FIELD, FieldError, LABEL } from "./field-kit";

/** The part of an ISO date a precision keeps: "2023-12-16" → "2023-12" for a month. */
export function dateForPrecision(value: string, precision: DatePrecision): string {
  const [year = "", month = "", day = ""] = value.split("-");
  if (precision === "YEAR") return year;
  if (precision === "MONTH") return year && month ? `${year}-${month}` : "";
  return year && month ? `${year}-${month}-${day || "01"}` : "";
}

/** What the server receives: the first day of the period, or the text as typed when it is not a date (the server then says why). */
export function firstDayOf(value: string, precision: DatePrecision): string {
  const text = value.trim();
  if (precision === "YEAR" && /^\d{4}$/.test(text)) return `${text}-01-01`;
  if (precision === "MONTH" && /^\d{4}-\d{2}$/.test(text)) return `${text}-01`;
  return text;
}

interface Props {
  name: string;
  precisionName: string;
  value: string;
  precision: DatePrecision;
  onChange: (value: string, precision: DatePrecision) => void;
  error?: string;
  label?: string;
}

export function PartialDateField({ name, precisionName, value, precision, onChange, error, label: given }: Props) {
  const t = useTranslations("fields");
  const label = given ?? t("date");
  const id = useId();
  const errorId = `${id}-error`;
  const thisYear = new Date().getUTCFullYear();
  const input = {
    id: `${id}-date`,
    value,
    className: FIELD,
    "aria-invalid": Boolean(error),
    "aria-describedby": error ? errorId : `${id}-help`,
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value, precision),
  };
  return (
    <fieldset className="grid gap-4 sm:col-span-2 sm:grid-cols-2 sm:items-start">
      <legend className="sr-only">{label}</legend>
      <label className={LABEL}>
        {t("knownTo", { label })}
        <select
          name={precisionName}
          value={precision}
          className={FIELD}
          onChange={(event) => {
            const next = event.target.value as DatePrecision;
            onChange(dateForPrecision(value, next), next);
          }}
        >
          {DATE_PRECISIONS.map((p) => (
            <option key={p} value={p}>
              {t(`precision.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <div className={LABEL}>
        <label htmlFor={input.id}>{precision === "DAY" ? label : precision === "MONTH" ? t("dateMonth", { label }) : t("dateYear", { label })}</label>
        {precision === "DAY" && <input type="date" {...input} />}
        {precision === "MONTH" && <input type="month" placeholder={t("placeholderMonth")} pattern="\d{4}-\d{2}" {...input} />}
        {precision === "YEAR" && (
          <input type="text" inputMode="numeric" placeholder={t("placeholderYear")} maxLength={4} pattern="\d{4}" {...input} max={thisYear} />
        )}
        <input type="hidden" name={name} value={firstDayOf(value, precision)} />
        <span id={`${id}-help`} className="text-xs font-normal text-slate-600">
          {precision === "DAY" ? t("helpDay") : precision === "MONTH" ? t("helpMonth") : t("helpYear")}
        </span>
        <FieldError id={errorId} text={error} />
      </div>
    </fieldset>
  );
}
