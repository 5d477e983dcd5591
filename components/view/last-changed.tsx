import type { LastChange } from "@/lib/data/last-change";
import { formatIsoDate } from "@/lib/domain/partial-date";

const ACTIONS: Record<string, string> = {
  "presence.statusChange": "status change",
  "presence.create": "added to a country",
  "presence.setAreas": "areas set",
  "organisation.create": "added",
  "organisation.update": "details edited",
  "event.update": "event edited",
  "event.retract": "event retracted",
  "event.linkSource": "source added",
  "event.recordConstraint": "constraint recorded",
};

/** "Last changed by Demo Analyst on 2 Nov 2026 (status change)", or that no one has edited it here. */
export function LastChanged({ change }: { change: LastChange | null }) {
  return (
    <p className="text-sm text-slate-500" data-testid="last-changed">
      {change ? (
        <>
          Last changed by {change.by ?? "a removed user"} on {formatIsoDate(change.at.slice(0, 10))} ({ACTIONS[change.action] ?? change.action}).
        </>
      ) : (
        "Not edited in the app since it was loaded from its sources."
      )}
    </p>
  );
}
