"use client";
import { useTranslations } from "use-intl";
import { revokeTokenAction } from "@/lib/actions/api-tokens";
import { RevokeButton } from "./revoke-button";

export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations("account");
  return <RevokeButton label={t("revokeToken", { name })} confirmText={t("revokeTokenConfirm", { name })} revoke={() => revokeTokenAction({ id })} />;
}
