"use client";
import { useTranslations } from "use-intl";
import { disableWebhookAction, resendDeliveryAction } from "@/lib/actions/webhooks";
import { RevokeButton } from "@/components/forms/revoke-button";

export function DisableWebhookButton({ id, url }: { id: number; url: string }) {
  const t = useTranslations("admin");
  return (
    <RevokeButton
      label={t("disableWebhook", { url })}
      confirmText={t("disableWebhookConfirm", { url })}
      revoke={() => disableWebhookAction({ id })}
      verb={[t("disable"), t("disabling")]}
    />
  );
}

export function ResendDeliveryButton({ id }: { id: number }) {
  const t = useTranslations("admin");
  return (
    <RevokeButton
      label={t("resendLabel", { id })}
      confirmText={t("resendConfirm", { id })}
      revoke={() => resendDeliveryAction({ id })}
      verb={[t("resend"), t("queuing")]}
      tone="plain"
    />
  );
}
