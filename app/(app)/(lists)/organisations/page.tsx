import type { Metadata } from "next";
import Link from "next/link";
import { listPageMetadata, TableListPage } from "@/components/tables/list-page";
import { can } from "@/lib/domain/permissions";
import type { SearchParams } from "@/lib/domain/view";
import { getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return listPageMetadata("organisations");
}

export default async function OrganisationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const t = await getTranslations("lists");
  return (
    <TableListPage
      table="organisations"
      searchParams={searchParams}
      action={(actor) =>
        can(actor.role, "editOrganisations") && (
          <Link href="/organisations/new" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
            {t("addOrganisation")}
          </Link>
        )
      }
    />
  );
}
