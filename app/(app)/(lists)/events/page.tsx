import type { Metadata } from "next";
import { listPageMetadata, TableListPage } from "@/components/tables/list-page";
import type { SearchParams } from "@/lib/domain/view";

export async function generateMetadata(): Promise<Metadata> {
  return listPageMetadata("events");
}

export default function EventsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <TableListPage table="events" searchParams={searchParams} />;
}
