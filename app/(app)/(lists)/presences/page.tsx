import type { Metadata } from "next";
import { TableView } from "@/components/tables/table-view";
import { AsOfNotice } from "@/components/view/view-heading";
import { requireActor } from "@/lib/auth/session";
import { parseView, type SearchParams } from "@/lib/domain/view";

export const metadata: Metadata = { title: "Presences" };

export default async function PresencesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const params = await searchParams;
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Presences</h1>
        <p className="text-slate-600">Each organisation in each country, with its status, since when, the people affected and the sources.</p>
        <AsOfNotice view={parseView(params)} />
      </div>
      <TableView actor={actor} table="presences" params={params} basePath="/presences" noun="presences" caption="Organisations by country and their status" />
    </div>
  );
}
