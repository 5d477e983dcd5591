"use client";
// Export the current view (filters, sort, as-of date, visible columns; every page) as a
// file. Each choice first asks the server whether the export would start (a server action,
// so that a refusal is an answer and not a failed request in the console): a refusal (too
// many exports running, an export budget spent) is shown here, instead of as a failed
// download; then the browser downloads the file, streamed.
import { Download } from "lucide-react";
import { useState, type MouseEvent } from "react";
import { checkExportAction } from "@/lib/actions/exports";
import { PopoverMenu } from "@/components/ui/popover-menu";
import { callAction } from "@/lib/actions/call";
import { useLocale, useTranslations } from "use-intl";
import { EXPORT_FORMAT_LABELS, EXPORT_FORMATS } from "@/lib/domain/tables/export-files";
import { tableQueryString, type TableQuery } from "@/lib/domain/tables/query-string";

async function refusalOf(table: TableQuery["table"], href: string): Promise<string | null> {
  const result = await callAction(() => checkExportAction({ table, search: href.slice(href.indexOf("?") + 1) }));
  return result.ok ? null : result.error;
}

export function ExportMenu({ query, visibleColumns, rowCount }: { query: TableQuery; visibleColumns: string[]; rowCount: string }) {
  const t = useTranslations("table");
  const locale = useLocale();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [checking, setChecking] = useState<string | null>(null);
  const href = (format: string) =>
    `/api/v1/export/${query.table}${tableQueryString(query, { format, page: undefined, size: undefined, cols: visibleColumns.join(",") })}${locale === "en" ? "" : `&lang=${locale}`}`;

  async function download(event: MouseEvent<HTMLAnchorElement>, format: string) {
    // A modified click (new tab, save as) is left to the browser.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    const anchor = event.currentTarget;
    setChecking(format);
    const refused = await refusalOf(query.table, href(format));
    setChecking(null);
    setRefusal(refused);
    if (refused) return;
    // The same link, followed without this handler: the browser downloads the file.
    const link = document.createElement("a");
    link.href = anchor.href;
    link.download = "";
    document.body.append(link);
    link.click();
    link.remove();
  }

  return (
    <div className="relative">
      <PopoverMenu
        label={
          <>
            <Download aria-hidden className="size-4" /> {t("export")}
          </>
        }
        className="inline-flex cursor-pointer items-center gap-2 rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
      >
        <p className="px-2 py-1.5 text-xs text-slate-500">{t("exportAll", { count: rowCount })}</p>
        <ul>
          {EXPORT_FORMATS.map((format) => (
            <li key={format}>
              <a
                href={href(format)}
                download
                data-format={format}
                onClick={(event) => void download(event, format)}
                aria-busy={checking === format}
                className="block rounded px-2 py-1.5 hover:bg-slate-100 focus:bg-slate-100"
              >
                {format === "hxl" ? t("hxlCsv") : EXPORT_FORMAT_LABELS[format]}
                {checking === format ? t("starting") : ""}
              </a>
            </li>
          ))}
        </ul>
      </PopoverMenu>
      {refusal && (
        // Under the button, over the table, so that the toolbar does not move.
        <div
          role="alert"
          data-testid="export-refused"
          className="absolute right-0 top-full z-40 mt-1 flex w-80 items-start gap-2 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950 shadow-md"
        >
          <p className="flex-1">{refusal}</p>
          <button
            type="button"
            onClick={() => setRefusal(null)}
            aria-label={t("dismiss")}
            className="rounded px-1 leading-none text-amber-900 hover:bg-amber-100"
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
