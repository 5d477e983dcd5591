// The follow toggle with its current state, for a country's or an organisation's page.
import type { Actor } from "@/lib/domain/actor";
import type { FeedFilters } from "@/lib/domain/feeds";
import { can } from "@/lib/domain/permissions";
import { watchItemFor } from "@/lib/data/watchlist";
import { FollowToggle } from "./follow-toggle";

export async function FollowButton({ actor, filters, what }: { actor: Actor; filters: FeedFilters; what: string }) {
  if (!can(actor.role, "follow")) return null;
  return <FollowToggle filters={filters} followingId={await watchItemFor(actor, filters)} what={what} />;
}
