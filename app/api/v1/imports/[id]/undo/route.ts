import { pathId, writeHandler } from "@/lib/api/write-route";
import { undoImport } from "@/lib/data/imports";

export const dynamic = "force-dynamic";

/** Undo a committed import: its events are retracted with the `reason` given. */
export const POST = writeHandler(200, (actor, body, params) => undoImport(actor, pathId(params.id), body));
