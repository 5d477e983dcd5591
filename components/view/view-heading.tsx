import type { View } from "@/lib/domain/view";
import { getFormat, getTranslations } from "@/lib/i18n/server";

/** Says which date the page shows, so a past view is never mistaken for today's. */
export async function AsOfNotice({ view }: { view: View }) {
  const [t, f] = [await getTranslations("view"), await getFormat()];
  if (!view.asOfExplicit) return <p className="text-sm text-slate-500">{t("currentStatus", { date: f.date(view.asOf) })}</p>;
  return (
    <p
      className="w-fit rounded-md border border-status-restricted/40 bg-status-restricted/10 px-3 py-1 text-sm font-medium text-status-restricted"
      data-testid="as-of-notice"
    >
      {t("viewingAsOf", { date: f.date(view.asOf) })}
    </p>
  );
}
