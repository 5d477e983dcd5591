import { writeHandler } from "@/lib/api/write-route";
import { createWebhook } from "@/lib/data/webhooks";

export const dynamic = "force-dynamic";

/** Admins: subscribe an address to kinds of change; answers the signing secret, once. */
export const POST = writeHandler(201, (actor, body) => createWebhook(actor, body));
