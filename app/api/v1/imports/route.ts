import { postImport } from "@/lib/api/import-route";

export const dynamic = "force-dynamic";

/** Import a CSV, HXL CSV or XLSX file (the body): `?dryRun=true` previews it, otherwise all rows are written or none. */
export const POST = postImport;
