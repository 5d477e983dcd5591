"use client";
import { revokeTokenAction } from "@/lib/actions/api-tokens";
import { RevokeButton } from "./revoke-button";

export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  return (
    <RevokeButton
      label={`Revoke token ${name}`}
      confirmText={`Revoke "${name}"? Scripts using it will stop working at once.`}
      revoke={() => revokeTokenAction({ id })}
    />
  );
}
