"use server";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { checkExport } from "@/lib/data/exports";
import { TABLE_NAMES } from "@/lib/domain/tables/columns";
import { parseTableQueryStrict } from "@/lib/domain/tables/query";
import { RuleError } from "@/lib/domain/errors";

// The Export menu asks this before it downloads, so that a refusal (too many exports, a
// spent budget) is shown in the menu and not as a failed download (HEAD on the export
// address answers the same for API clients).
export const checkExportAction = action(z.strictObject({ table: z.enum(TABLE_NAMES), search: z.string().max(4_000) }), async (actor, { table, search }) => {
  const query = parseTableQueryStrict(table, new URLSearchParams(search), ["format", "lang"]);
  if (!query.ok) throw new RuleError(query.issues.map((i) => `${i.param}: ${i.message}`).join("; "));
  await checkExport(actor, { ...query.value, page: 1 });
});
