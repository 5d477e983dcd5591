import { isoDate, type View } from "@/lib/domain/view";
import { ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES, STATUS_LABELS, STATUSES } from "@/lib/domain/vocabulary";
import { asOfQuery } from "@/lib/domain/view-url";
import { Button } from "@/components/ui/button";
import { CATEGORIES, CATEGORY, PILLAR_LABELS, PILLARS } from "@/lib/domain/constraints";

const field = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";

/**
 * Filters shared by every view. A plain GET form: the filters land in the URL, work
 * without JavaScript, and the browser's back button undoes them.
 */
export function FilterBar({ view, regions, action }: { view: View; regions: string[]; action: string }) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" aria-label="Filters">
      {view.asOfExplicit && <input type="hidden" name="asOf" value={isoDate(view.asOf)} />}
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        Region
        <select name="region" defaultValue={view.region ?? ""} className={field}>
          <option value="">All regions</option>
          {regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        Organisation type
        <select name="type" defaultValue={view.type ?? ""} className={field}>
          <option value="">All types</option>
          {ORGANISATION_TYPES.map((t) => (
            <option key={t} value={t}>
              {ORGANISATION_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        Status
        <select name="status" defaultValue={view.status ?? ""} className={field}>
          <option value="">All statuses</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="flex flex-wrap items-end gap-3 rounded-md border border-dashed border-slate-300 px-2 pb-2">
        <legend className="px-1 text-xs text-slate-600">Constraints (event charts and the constraint map)</legend>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          Pillar
          <select name="pillar" defaultValue={view.pillar ?? ""} className={`${field} max-w-48`}>
            <option value="">All pillars</option>
            {PILLARS.map((p) => (
              <option key={p} value={p}>
                {PILLAR_LABELS[p].en}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          Access constraint
          <select name="category" defaultValue={view.category ?? ""} className={`${field} max-w-48`}>
            <option value="">All</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY[c].en}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          Area (ISO 3166-2)
          <input
            type="text"
            name="area"
            defaultValue={view.area ?? ""}
            placeholder="e.g. NE-6"
            maxLength={6}
            pattern="[A-Za-z]{2}-[A-Za-z0-9]{1,3}"
            className={`${field} w-24`}
          />
        </label>
      </fieldset>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        Events from
        <input type="date" name="from" defaultValue={view.from ? isoDate(view.from) : ""} className={field} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        to
        <input type="date" name="to" defaultValue={view.to ? isoDate(view.to) : ""} className={field} />
      </label>
      <Button type="submit" size="sm">
        Apply
      </Button>
      <a href={`${action}${asOfQuery(view)}`} className="px-1 py-1.5 text-sm text-slate-700 underline">
        Clear filters
      </a>
    </form>
  );
}
