"use client";
import { Ban, CircleCheck, CircleHelp, TriangleAlert } from "lucide-react";
import { useTranslations } from "use-intl";
import type { Status } from "@/lib/domain/vocabulary";
import { useFormat } from "@/components/i18n/use-format";

// Icon, label and colour together: the status reads the same without colour.
const STYLE: Record<Status, { icon: typeof Ban; className: string }> = {
  OPERATING: { icon: CircleCheck, className: "border-status-operating/40 bg-status-operating/10 text-status-operating" },
  RESTRICTED: { icon: TriangleAlert, className: "border-status-restricted/40 bg-status-restricted/10 text-status-restricted" },
  EXPELLED: { icon: Ban, className: "border-status-expelled/40 bg-status-expelled/10 text-status-expelled" },
};

export function StatusBadge({ status }: { status: Status | null }) {
  const t = useTranslations("view");
  const { labels } = useFormat();
  if (!status) {
    return (
      <span className="inline-flex items-center gap-1.5 rounded-full border border-slate-300 bg-white px-2.5 py-0.5 text-sm font-medium text-slate-600">
        <CircleHelp aria-hidden className="size-4" />
        {t("unknown")}
      </span>
    );
  }
  const { icon: Icon, className } = STYLE[status];
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-sm font-semibold ${className}`}>
      <Icon aria-hidden className="size-4" />
      {labels.status[status]}
    </span>
  );
}
