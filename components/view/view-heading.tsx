import { formatPartialDate } from "@/lib/domain/partial-date";
import type { View } from "@/lib/domain/view";

/** Says which date the page shows, so a past view is never mistaken for today's. */
export function AsOfNotice({ view }: { view: View }) {
  if (!view.asOfExplicit) return <p className="text-sm text-slate-500">Current status (today, {formatPartialDate(view.asOf, "DAY")}).</p>;
  return (
    <p
      className="w-fit rounded-md border border-status-restricted/40 bg-status-restricted/10 px-3 py-1 text-sm font-medium text-status-restricted"
      data-testid="as-of-notice"
    >
      Viewing the situation as of {formatPartialDate(view.asOf, "DAY")}: later events are not counted.
    </p>
  );
}
