import { writeHandler } from "@/lib/api/write-route";
import { triageArticle } from "@/lib/data/triage";
import { REQUEST_BODY_LIMIT_BYTES } from "@/lib/security/request-limits";

export const dynamic = "force-dynamic";

/** Draft events proposed from an article's text (`{"text", "publisher", "title", "url", "publishedOn"}`); writes nothing. */
export const POST = writeHandler(200, (actor, body) => triageArticle(actor, body), { limit: REQUEST_BODY_LIMIT_BYTES });
