"use client";
import { useTranslations } from "use-intl";
import { revokeFeedAction } from "@/lib/actions/feeds";
import { RevokeButton } from "@/components/forms/revoke-button";

export function RevokeFeedButton({ id, title }: { id: number; title: string }) {
  const t = useTranslations("feeds");
  return <RevokeButton label={t("revokeLabel", { title })} confirmText={t("revokeConfirm", { title })} revoke={() => revokeFeedAction({ id })} />;
}
