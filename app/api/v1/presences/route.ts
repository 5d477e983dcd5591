import { writeHandler } from "@/lib/api/write-route";
import { createPresence } from "@/lib/data/edits/organisations";
import { presenceItemOf } from "@/lib/api/items";
import { tableListHandler } from "@/lib/api/list-route";

export const dynamic = "force-dynamic";

export const GET = tableListHandler("presences", presenceItemOf);

/** An organisation in a new country (its status comes with its first event). */
export const POST = writeHandler(201, (actor, body) => createPresence(actor, body));
