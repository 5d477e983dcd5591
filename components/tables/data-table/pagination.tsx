// "1–50 of 12,345" (or "of 10,000+": large views are counted only that far), previous/next and the page size: plain links and a GET form, so they
// work before the page's scripts load and are reachable by keyboard.
import Link from "next/link";
import { getFormat, getTranslations } from "@/lib/i18n/server";
import type { TableNoun } from "@/lib/i18n/messages";
import { PAGE_SIZES, tableQueryString, type TableQuery } from "@/lib/domain/tables/query";

export async function Pagination({
  query,
  total,
  totalIsLowerBound,
  basePath,
  noun,
}: {
  query: TableQuery;
  total: number;
  totalIsLowerBound: boolean;
  basePath: string;
  noun: TableNoun;
}) {
  const [t, f] = [await getTranslations("table"), await getFormat()];
  const nounFor = (count: number) => t(`nouns.${noun}`, { count });
  const lastPage = Math.max(1, Math.ceil(total / query.pageSize));
  const more = totalIsLowerBound ? "+" : "";
  const first = total === 0 ? 0 : (query.page - 1) * query.pageSize + 1;
  const last = Math.min(total, query.page * query.pageSize);
  const link = (page: number) => `${basePath}${tableQueryString(query, { page: page === 1 ? undefined : page })}`;
  const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100";
  const disabled = "rounded-md border border-slate-200 px-3 py-1.5 text-sm text-slate-500";
  return (
    <nav aria-label={t("pagesLabel")} className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p aria-live="polite" data-testid="row-count">
        {total === 0
          ? t("none", { noun: nounFor(0) })
          : t("range", { first: f.number(first), last: f.number(last), total: f.number(total), more, noun: nounFor(total) })}
        {query.page > lastPage && total > 0 && t("pastLast")}
      </p>
      <div className="flex items-center gap-2">
        <form method="get" action={basePath} className="flex items-center gap-2">
          {Object.entries(Object.fromEntries(new URLSearchParams(tableQueryString(query, { size: undefined, page: undefined })))).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <label className="flex items-center gap-1.5">
            {t("rowsPerPage")}
            <select name="size" defaultValue={query.pageSize} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={button}>
            {t("show")}
          </button>
        </form>
        {query.page > 1 ? (
          <Link href={link(Math.min(query.page - 1, lastPage))} className={button} rel="prev">
            {t("previous")}
          </Link>
        ) : (
          <span className={disabled} aria-disabled>
            {t("previous")}
          </span>
        )}
        <span>{t("pageOf", { page: f.number(query.page), pages: f.number(lastPage), more })}</span>
        {query.page < lastPage || totalIsLowerBound ? (
          <Link href={link(query.page + 1)} className={button} rel="next">
            {t("next")}
          </Link>
        ) : (
          <span className={disabled} aria-disabled>
            {t("next")}
          </span>
        )}
      </div>
    </nav>
  );
}
