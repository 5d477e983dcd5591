// A list page (Presences, Events, Organisations, Assessments): its heading, introduction and
// as-of notice above the table view, all from the table's name; an action beside the heading
// (e.g. "Add an organisation") when the page has one.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TableView } from "@/components/tables/table-view";
import { AsOfNotice } from "@/components/view/view-heading";
import { requireActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/domain/actor";
import { parseView, type SearchParams } from "@/lib/domain/view";
import { getTranslations } from "@/lib/i18n/server";

const PAGES = {
  presences: { title: "presencesTitle", intro: "presencesIntro", caption: "presencesCaption" },
  events: { title: "eventsTitle", intro: "eventsIntro", caption: "eventsCaption" },
  organisations: { title: "organisationsTitle", intro: "organisationsIntro", caption: "organisationsCaption" },
  assessments: { title: "assessmentsTitle", intro: "assessmentsIntro", caption: "assessmentsCaption" },
} as const;

export type ListTable = keyof typeof PAGES;

export async function listPageMetadata(table: ListTable): Promise<Metadata> {
  return { title: (await getTranslations("lists"))(PAGES[table].title) };
}

export async function TableListPage({
  table,
  searchParams,
  action,
}: {
  table: ListTable;
  searchParams: Promise<SearchParams>;
  action?: (actor: Actor) => ReactNode;
}) {
  const actor = await requireActor();
  const params = await searchParams;
  const t = await getTranslations("lists");
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{t(PAGES[table].title)}</h1>
          {action?.(actor)}
        </div>
        <p className="text-slate-600">{t(PAGES[table].intro)}</p>
        <AsOfNotice view={parseView(params)} />
      </div>
      <TableView actor={actor} table={table} params={params} basePath={`/${table}`} noun={table} caption={t(PAGES[table].caption)} />
    </div>
  );
}
