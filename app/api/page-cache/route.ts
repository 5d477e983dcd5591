// Full loads of the reading pages, rewritten here by proxy.ts: the whole-page cache
// (lib/page-cache/serve.ts). Not reachable by its own address (the proxy refuses it).
import { servePage } from "@/lib/page-cache/serve";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    return await servePage(request);
  } catch (error) {
    console.error("page cache: the page could not be rendered", error);
    return new Response("The page could not be loaded. Please try again in a moment.", {
      status: 503,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "retry-after": "5" },
    });
  }
}
