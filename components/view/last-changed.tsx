import type { LastChange } from "@/lib/data/last-change";
import { getFormat, getTranslations } from "@/lib/i18n/server";

const ACTIONS = [
  "presence.statusChange",
  "presence.create",
  "presence.setAreas",
  "organisation.create",
  "organisation.update",
  "event.update",
  "event.retract",
  "event.linkSource",
  "event.recordConstraint",
] as const;
type NamedAction = (typeof ACTIONS)[number];
const isNamed = (action: string): action is NamedAction => (ACTIONS as readonly string[]).includes(action);

/** "Last changed by Demo Analyst on 2 Nov 2026 (status change)", or that no one has edited it here. */
export async function LastChanged({ change }: { change: LastChange | null }) {
  const [t, f] = [await getTranslations("view"), await getFormat()];
  return (
    <p className="text-sm text-slate-500" data-testid="last-changed">
      {change
        ? t("lastChanged", {
            who: change.by ?? t("removedUser"),
            date: f.isoDate(change.at.slice(0, 10)),
            what: isNamed(change.action) ? t(`actions.${change.action}`) : change.action,
          })
        : t("notEdited")}
    </p>
  );
}
