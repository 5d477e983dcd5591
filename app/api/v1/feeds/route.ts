import { publicOrigin } from "@/lib/api/origin";
import { writeHandler } from "@/lib/api/write-route";
import { createFeed } from "@/lib/data/feeds";

export const dynamic = "force-dynamic";

/** A personal Atom feed of a view: the body is the view's filters (the events table's); answers its address, once. */
export async function POST(request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> {
  const origin = publicOrigin(request.url);
  return writeHandler(201, async (actor, body) => {
    const feed = await createFeed(actor, body);
    return { id: feed.id, title: feed.title, url: `${origin}${feed.path}` };
  })(request, context);
}
