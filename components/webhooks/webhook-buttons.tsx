"use client";
import { disableWebhookAction, resendDeliveryAction } from "@/lib/actions/webhooks";
import { RevokeButton } from "@/components/forms/revoke-button";

export function DisableWebhookButton({ id, url }: { id: number; url: string }) {
  return (
    <RevokeButton
      label={`Disable the webhook ${url}`}
      confirmText={`Disable the webhook to ${url}? Nothing more will be sent to it; its delivery log stays.`}
      revoke={() => disableWebhookAction({ id })}
      verb={["Disable", "Disabling…"]}
    />
  );
}

export function ResendDeliveryButton({ id }: { id: number }) {
  return (
    <RevokeButton
      label={`Re-send delivery ${id}`}
      confirmText={`Send delivery ${id} again? The receiver gets the same body, with a new signature time.`}
      revoke={() => resendDeliveryAction({ id })}
      verb={["Re-send", "Queuing…"]}
      tone="plain"
    />
  );
}
