import { pathId, writeHandler } from "@/lib/api/write-route";
import { removeAlias } from "@/lib/data/edits/aliases";

export const dynamic = "force-dynamic";

/** Remove an alias (no body). */
export const DELETE = writeHandler(
  200,
  async (actor, _body, params) => {
    await removeAlias(actor, pathId(params.id), pathId(params.aliasId));
    return { removed: true };
  },
  { body: false },
);
