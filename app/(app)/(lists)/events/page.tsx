import type { Metadata } from "next";
import { TableView } from "@/components/tables/table-view";
import { AsOfNotice } from "@/components/view/view-heading";
import { requireActor } from "@/lib/auth/session";
import { parseView, type SearchParams } from "@/lib/domain/view";

export const metadata: Metadata = { title: "Events" };

export default async function EventsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const params = await searchParams;
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Events</h1>
        <p className="text-slate-600">Published events, newest first: what happened, to whom, and according to which sources.</p>
        <AsOfNotice view={parseView(params)} />
      </div>
      <TableView actor={actor} table="events" params={params} basePath="/events" noun="events" caption="Access events" />
    </div>
  );
}
