"use client";
import { ExternalLink } from "lucide-react";
import { useTranslations } from "use-intl";
import { useFormat } from "@/components/i18n/use-format";
import type { SourceCitation } from "@/lib/data/presences";

export function SourceList({ sources }: { sources: SourceCitation[] }) {
  const t = useTranslations("view");
  const f = useFormat();
  if (sources.length === 0) return <p className="text-sm text-slate-500">{t("noSource")}</p>;
  return (
    <ol className="space-y-3">
      {sources.map((source) => (
        <li key={source.sourceId} className="text-sm">
          <p>
            <span className="font-medium text-slate-900">{source.publisher}</span>
            {", "}
            {source.url ? (
              <a href={source.url} className="inline-flex items-center gap-1 text-status-operating underline" rel="noreferrer noopener" target="_blank">
                {source.title}
                <ExternalLink aria-hidden className="size-3" />
              </a>
            ) : (
              <span>{source.title}</span>
            )}
            {source.publishedOn && source.publishedPrecision && (
              <span className="text-slate-500">, {f.date(new Date(source.publishedOn), source.publishedPrecision)}</span>
            )}
          </p>
          {source.claim && <p className="text-slate-700">{t("says", { claim: source.claim })}</p>}
          {source.quote && <blockquote className="mt-1 border-l-2 border-slate-300 pl-3 italic text-slate-600">“{source.quote}”</blockquote>}
        </li>
      ))}
    </ol>
  );
}
