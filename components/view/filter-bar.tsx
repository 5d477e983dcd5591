import { isoDate, type View } from "@/lib/domain/view";
import { ORGANISATION_TYPES, STATUSES } from "@/lib/domain/vocabulary";
import { getFormat, getTranslations } from "@/lib/i18n/server";
import { asOfQuery } from "@/lib/domain/view-url";
import { Button } from "@/components/ui/button";
import { CATEGORIES, CATEGORY, PILLAR_LABELS, PILLARS } from "@/lib/domain/constraints";

const field = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";

/**
 * Filters shared by every view. A plain GET form: the filters land in the URL, work
 * without JavaScript, and the browser's back button undoes them.
 */
export async function FilterBar({ view, regions, action }: { view: View; regions: string[]; action: string }) {
  const [t, { locale, labels }] = [await getTranslations("view"), await getFormat()];
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" aria-label={t("filters")}>
      {view.asOfExplicit && <input type="hidden" name="asOf" value={isoDate(view.asOf)} />}
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {t("region")}
        <select name="region" defaultValue={view.region ?? ""} className={field}>
          <option value="">{t("allRegions")}</option>
          {regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {t("organisationType")}
        <select name="type" defaultValue={view.type ?? ""} className={field}>
          <option value="">{t("allTypes")}</option>
          {ORGANISATION_TYPES.map((type) => (
            <option key={type} value={type}>
              {labels.organisationType[type]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {t("status")}
        <select name="status" defaultValue={view.status ?? ""} className={field}>
          <option value="">{t("allStatuses")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {labels.status[s]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="flex flex-wrap items-end gap-3 rounded-md border border-dashed border-slate-300 px-2 pb-2">
        <legend className="px-1 text-xs text-slate-600">{t("constraintsLegend")}</legend>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {t("pillar")}
          <select name="pillar" defaultValue={view.pillar ?? ""} className={`${field} max-w-48`}>
            <option value="">{t("allPillars")}</option>
            {PILLARS.map((p) => (
              <option key={p} value={p}>
                {PILLAR_LABELS[p][locale]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {t("category")}
          <select name="category" defaultValue={view.category ?? ""} className={`${field} max-w-48`}>
            <option value="">{t("all")}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY[c][locale]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {t("area")}
          <input
            type="text"
            name="area"
            defaultValue={view.area ?? ""}
            placeholder={t("areaPlaceholder")}
            maxLength={6}
            pattern="[A-Za-z]{2}-[A-Za-z0-9]{1,3}"
            className={`${field} w-24`}
          />
        </label>
      </fieldset>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {t("eventsFrom")}
        <input type="date" name="from" defaultValue={view.from ? isoDate(view.from) : ""} className={field} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {t("to")}
        <input type="date" name="to" defaultValue={view.to ? isoDate(view.to) : ""} className={field} />
      </label>
      <Button type="submit" size="sm">
        {t("apply")}
      </Button>
      <a href={`${action}${asOfQuery(view)}`} className="px-1 py-1.5 text-sm text-slate-700 underline">
        {t("clearFilters")}
      </a>
    </form>
  );
}
