"use client";
import { revokeFeedAction } from "@/lib/actions/feeds";
import { RevokeButton } from "@/components/forms/revoke-button";

export function RevokeFeedButton({ id, title }: { id: number; title: string }) {
  return (
    <RevokeButton
      label={`Revoke the feed ${title}`}
      confirmText={`Revoke the feed "${title}"? Feed readers using its address will stop receiving it at once.`}
      revoke={() => revokeFeedAction({ id })}
    />
  );
}
