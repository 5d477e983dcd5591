import { pathId, writeHandler } from "@/lib/api/write-route";
import { disableWebhook } from "@/lib/data/webhooks";

export const dynamic = "force-dynamic";

/** Admins: stop a webhook (its delivery log stays). */
export const DELETE = writeHandler(
  200,
  async (actor, _body, params) => {
    await disableWebhook(actor, { id: pathId(params.id) });
    return { id: pathId(params.id), disabled: true };
  },
  { body: false },
);
