"use client";
// Signs out the way next-auth's own client does (POST with its CSRF token), without
// shipping that client to every page: it is only needed on the sign-in page.
import { LogOut } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";

async function signOut(): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/sign-in", json: "true" }),
  });
  if (!response.ok) throw new Error(`Sign-out failed (${response.status})`);
}

export function SignOutButton() {
  const t = useTranslations("shell");
  const router = useRouter();
  const [failed, setFailed] = useState(false);
  return (
    <>
      <Button
        variant="ghost"
        onClick={() =>
          signOut().then(
            () => {
              router.replace("/sign-in");
              router.refresh();
            },
            () => setFailed(true),
          )
        }
      >
        <LogOut aria-hidden className="size-4" />
        {t("signOut")}
      </Button>
      {failed && (
        <span role="alert" className="text-sm text-red-700">
          {t("signOutFailed")}
        </span>
      )}
    </>
  );
}
