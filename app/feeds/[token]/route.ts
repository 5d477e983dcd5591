import { requestClientAddress } from "@/lib/api/actor";
import { conditionalBody } from "@/lib/api/conditional";
import { publicOrigin } from "@/lib/api/origin";
import { apiError, errorResponse } from "@/lib/api/respond";
import { feedEntries, openFeed } from "@/lib/data/feeds";
import { atomDocument } from "@/lib/export/atom";

export const dynamic = "force-dynamic";

/** A personal Atom feed: its token is its credential (feed readers cannot sign in). */
export async function GET(request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  try {
    const { token } = await context.params;
    const feed = await openFeed(token, requestClientAddress(request));
    if (!feed) {
      return apiError(
        "unauthenticated",
        "This feed address does not work: it is unknown, was revoked, or its owner's access ended. Make a new feed in Access Monitor.",
      );
    }
    const origin = publicOrigin(request.url);
    const entries = await feedEntries(feed.actor, feed.filters);
    const body = atomDocument({ origin, selfUrl: `${origin}/feeds/${token}`, feedId: feed.id, title: feed.title, createdAt: feed.createdAt, entries });
    return conditionalBody(request, body, "application/atom+xml; charset=utf-8");
  } catch (error) {
    return errorResponse(error);
  }
}
