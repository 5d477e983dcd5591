import { pathId, writeHandler } from "@/lib/api/write-route";
import { linkSource } from "@/lib/data/edits/events";

export const dynamic = "force-dynamic";

/** Cite another source for an event. */
export const POST = writeHandler(201, (actor, body, params) => linkSource(actor, pathId(params.id), body));
