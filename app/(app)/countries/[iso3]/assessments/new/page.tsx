import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssessmentForm } from "@/components/assessments/assessment-form";
import { RoleNotice } from "@/components/layout/role-notice";
import { requireActor } from "@/lib/auth/session";
import { proposeEvidence } from "@/lib/data/assessments";
import { getCountry } from "@/lib/data/countries";
import { can } from "@/lib/domain/permissions";
import { isoDate } from "@/lib/domain/partial-date";
import { areasOf } from "@/lib/domain/areas";
import { assessedPeriod } from "@/lib/domain/assessment-input";
import { getFormat, getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("assessments"))("title") };
}

export default async function NewAssessmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ iso3: string }>;
  searchParams: Promise<{ month?: string; from?: string; to?: string; area?: string }>;
}) {
  const actor = await requireActor();
  const t = await getTranslations("assessments");
  if (!can(actor.role, "editEvents")) return <RoleNotice>{t("readOnly")}</RoleNotice>;
  const country = await getCountry(actor, (await params).iso3);
  if (!country) notFound();
  const f = await getFormat();
  const name = (f.locale === "fr" && country.nameFr) || country.nameEn;
  const search = await searchParams;
  const period = assessedPeriod(search);
  // An area of this country (?area=NE-6), or the whole country.
  const areas = areasOf(country.iso3);
  const area = areas.find((a) => a.code === search.area?.toUpperCase());
  const proposals = await proposeEvidence(actor, { country: country.iso3, area: area?.code, from: period.from, to: period.to });
  // "Feb 2025" for a month, "15 Jan 2025 – 10 Mar 2025" for a custom range.
  const month = period.month ? f.isoDate(isoDate(period.from), "MONTH") : `${f.isoDate(isoDate(period.from))} – ${f.isoDate(isoDate(period.to))}`;
  const field = "rounded-md border border-slate-300 px-2 py-1.5 text-sm text-slate-900";
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p className="text-sm text-slate-500">
        <Link href={`/countries/${country.iso3}`} className="underline">
          {name}
        </Link>{" "}
        / {t("title")}
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">
        {area ? t("headingArea", { area: area.name, country: name, month }) : t("heading", { country: name, month })}
      </h1>
      <p className="text-sm text-slate-600">{t("help")}</p>
      <form method="get" className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3">
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {t("month")}
          <input type="month" name="month" defaultValue={period.month ?? ""} className={field} />
        </label>
        <fieldset className="flex flex-wrap items-end gap-2">
          <legend className="mb-1 text-xs font-medium text-slate-600">{t("customRange")}</legend>
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            {t("rangeFrom")}
            <input type="date" name="from" defaultValue={period.month ? "" : isoDate(period.from)} className={field} />
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            {t("rangeTo")}
            <input type="date" name="to" defaultValue={period.month ? "" : isoDate(period.to)} className={field} />
          </label>
        </fieldset>
        {areas.length > 0 && (
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            {t("area")}
            <select name="area" defaultValue={area?.code ?? ""} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900">
              <option value="">{t("wholeCountry")}</option>
              {areas.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name} ({a.code})
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100">
          {t("changeMonth")}
        </button>
      </form>
      <AssessmentForm
        key={`${isoDate(period.from)}-${isoDate(period.to)}-${area?.code}`}
        iso3={country.iso3}
        area={area?.code ?? null}
        from={isoDate(period.from)}
        to={isoDate(period.to)}
        proposals={proposals}
      />
    </div>
  );
}
