// The filters of a table as a plain GET form: they land in the URL, work without
// JavaScript, and the back button undoes them. Only the filters the table offers appear.
import { AUDIT_ACTIONS, AUDIT_ENTITY_LABELS, AUDIT_ENTITY_LABELS_FR, AUDIT_ENTITY_TYPES } from "@/lib/domain/audit-actions";
import { getFormat, getTranslations } from "@/lib/i18n/server";
import { isoDate } from "@/lib/domain/view";
import { TABLES } from "@/lib/domain/tables/descriptors";
import { DEFAULT_PAGE_SIZE, type FilterKey, type TableQuery } from "@/lib/domain/tables/query";
import { CONFIDENCES, EVENT_KINDS, ORGANISATION_TYPES, STATUSES } from "@/lib/domain/vocabulary";
import { asOfQuery } from "@/lib/domain/view-url";
import { Button } from "@/components/ui/button";
import { CATEGORIES, CATEGORY, PILLAR_LABELS, PILLARS } from "@/lib/domain/constraints";
import { ComboboxField } from "@/components/ui/combobox";
import { ACCESS_LEVELS, accessLevelText } from "@/lib/domain/assessments";

const countryOption = (countries: { iso3: string; name: string }[], iso3?: string) => {
  const country = iso3 ? countries.find((c) => c.iso3 === iso3) : undefined;
  return country ? { value: country.iso3, label: country.name, hint: country.iso3 } : null;
};

const field = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
const label = "flex flex-col gap-1 text-xs font-medium text-slate-600";

function Select({ name, title, value, options, all }: { name: string; title: string; value?: string; options: [string, string][]; all: string }) {
  return (
    <label className={label}>
      {title}
      <select name={name} defaultValue={value ?? ""} className={`${field} max-w-48`}>
        <option value="">{all}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export interface ToolbarOptions {
  regions: string[];
  countries: { iso3: string; name: string }[];
  /** The areas of the country in view (filtered or fixed), for the area filter; empty without a country. */
  areas: { code: string; name: string }[];
  /** Filters fixed by the page (e.g. the country on a country page): not shown. */
  fixed?: FilterKey[];
}

export async function TableToolbar({ query, basePath, options }: { query: TableQuery; basePath: string; options: ToolbarOptions }) {
  const f = query.filters;
  const [t, { locale, labels }] = [await getTranslations("table"), await getFormat()];
  const all = t("all");
  const table = TABLES[query.table];
  const shown = table.filters.filter((key) => !options.fixed?.includes(key));
  const has = (key: FilterKey) => shown.includes(key);
  const keep = {
    asOf: query.asOfExplicit ? isoDate(query.asOf) : undefined,
    size: query.pageSize !== DEFAULT_PAGE_SIZE ? String(query.pageSize) : undefined,
    cols: query.columns?.join(","),
  };
  const dateLabel = t(table.dateLabel);
  const statusLabel = t(table.statusLabel);
  return (
    <form
      method="get"
      action={basePath}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
      aria-label={t("filters")}
      role="search"
    >
      {Object.entries(keep).map(([name, value]) => value && <input key={name} type="hidden" name={name} value={value} />)}
      {query.sort && <input type="hidden" name="sort" value={query.sort.column} />}
      {query.sort && <input type="hidden" name="dir" value={query.sort.direction} />}
      {has("q") && (
        <label className={label}>
          {t("search")}
          <input type="search" name="q" defaultValue={f.q ?? ""} maxLength={100} placeholder={t("searchPlaceholder")} className={`${field} w-56`} />
        </label>
      )}
      {has("country") && (
        <ComboboxField
          compact
          label={t("country")}
          name="country"
          placeholder={t("allCountries")}
          options={options.countries.map((c) => ({ value: c.iso3, label: c.name, hint: c.iso3 }))}
          initial={countryOption(options.countries, f.country)}
        />
      )}
      {has("region") && <Select name="region" title={t("region")} all={all} value={f.region} options={options.regions.map((r) => [r, r])} />}
      {has("type") && (
        <Select
          name="type"
          title={t("organisationType")}
          all={all}
          value={f.type}
          options={ORGANISATION_TYPES.map((type) => [type, labels.organisationType[type]])}
        />
      )}
      {has("status") && <Select name="status" title={statusLabel} all={all} value={f.status} options={STATUSES.map((s) => [s, labels.status[s]])} />}
      {has("kind") && <Select name="kind" title={t("event")} all={all} value={f.kind} options={EVENT_KINDS.map((k) => [k, labels.kind[k]])} />}
      {has("pillar") && <Select name="pillar" title={t("pillar")} all={all} value={f.pillar} options={PILLARS.map((p) => [p, PILLAR_LABELS[p][locale]])} />}
      {has("category") && (
        <Select name="category" title={t("category")} all={all} value={f.category} options={CATEGORIES.map((c) => [c, CATEGORY[c][locale]])} />
      )}
      {has("area") && options.areas.length > 0 && (
        <Select name="area" title={t("area")} all={all} value={f.area} options={options.areas.map((a) => [a.code, `${a.name} (${a.code})`])} />
      )}
      {has("confidence") && (
        <Select name="confidence" title={t("confidence")} all={all} value={f.confidence} options={CONFIDENCES.map((c) => [c, labels.confidence[c]])} />
      )}
      {has("level") && (
        <Select
          name="level"
          title={t("level")}
          all={all}
          value={f.level === undefined ? undefined : String(f.level)}
          options={ACCESS_LEVELS.map((level) => [String(level), accessLevelText(level, locale)])}
        />
      )}
      {has("actor") && (
        <label className={label}>
          {t("person")}
          <input type="search" name="actor" defaultValue={f.actor ?? ""} maxLength={200} placeholder={t("personPlaceholder")} className={field} />
        </label>
      )}
      {has("action") && <Select name="action" title={t("action")} all={all} value={f.action} options={AUDIT_ACTIONS.map((a) => [a, a])} />}
      {has("entityType") && (
        <Select
          name="entityType"
          title={t("entity")}
          all={all}
          value={f.entityType}
          options={AUDIT_ENTITY_TYPES.map((type) => [type, (locale === "fr" ? AUDIT_ENTITY_LABELS_FR : AUDIT_ENTITY_LABELS)[type]])}
        />
      )}
      {has("hide") && (
        <label className="flex items-center gap-2 self-center pt-4 text-sm text-slate-700">
          <input type="checkbox" name="hide" value="exports" defaultChecked={f.hide === "exports"} className="size-4" />
          {t("hideExports")}
        </label>
      )}
      {has("from") && (
        <label className={label}>
          {t("dateFrom", { label: dateLabel })}
          <input type="date" name="from" defaultValue={f.from ? isoDate(f.from) : ""} className={field} />
        </label>
      )}
      {has("to") && (
        <label className={label}>
          {t("dateTo")}
          <input type="date" name="to" defaultValue={f.to ? isoDate(f.to) : ""} className={field} />
        </label>
      )}
      <Button type="submit" size="sm">
        {t("apply")}
      </Button>
      <a href={`${basePath}${asOfQuery(query)}`} className="px-1 py-1.5 text-sm text-slate-700 underline">
        {t("clearFilters")}
      </a>
    </form>
  );
}
