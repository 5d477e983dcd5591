import type { Metadata } from "next";
import { getFormat, getTranslations } from "@/lib/i18n/server";
import { PasswordChangeForm, SignOutEverywhereButton } from "@/components/forms/account-forms";
import { requireActor } from "@/lib/auth/session";
import { listOwnSessions } from "@/lib/data/account";
import { listOwnFeeds } from "@/lib/data/feeds";
import { RevokeFeedButton } from "@/components/feeds/revoke-feed-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const actor = await requireActor({ passwordChangePage: true });
  const required = Boolean(actor.mustChangePassword);
  const [t, f] = [await getTranslations("account"), await getFormat()];
  const when = (date: Date) => f.instant(date);
  const ended = (reason: string | null) => (reason === "userDisabled" || reason === "passwordReset" ? t(`ended.${reason}`) : t("ended.revoked"));
  const [sessions, feeds] = required ? [[], []] : await Promise.all([listOwnSessions(actor), listOwnFeeds(actor)]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-slate-600">
          {actor.name} · {actor.email} · {f.labels.role[actor.role]}
        </p>
      </div>
      <section aria-labelledby="password-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="password-heading" className="font-semibold">
          {t("changePassword")}
        </h2>
        {required && (
          <p role="alert" className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            {t("oneTime")}
          </p>
        )}
        <PasswordChangeForm required={required} email={actor.email} />
      </section>
      {!required && (
        <section aria-labelledby="sessions-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="sessions-heading" className="font-semibold">
            {t("signedIn")}
          </h2>
          <ul className="divide-y divide-slate-100 text-sm" data-testid="sessions">
            {sessions.map((s, index) => (
              <li key={index} className="py-2">
                <span className="font-medium">{s.current ? t("thisSession") : t("anotherSession")}</span>
                {t("since", { date: when(s.createdAt) })}
                {s.clientAddress && t("from", { address: s.clientAddress })}
                {s.userAgent && <span className="block truncate text-slate-500">{s.userAgent}</span>}
              </li>
            ))}
          </ul>
          <p className="text-sm text-slate-600">{t("signOutHelp")}</p>
          <SignOutEverywhereButton />
        </section>
      )}
      {!required && (
        <section id="feeds" aria-labelledby="feeds-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="feeds-heading" className="font-semibold">
            {t("myFeeds")}
          </h2>
          <p className="text-sm text-slate-600">{t.rich("feedsHelp", { b: (text) => <span className="font-medium">{text}</span> })}</p>
          {feeds.length === 0 ? (
            <p className="text-sm text-slate-600" data-testid="feeds-empty">
              {t("noFeeds")}
            </p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="feeds">
              {feeds.map((feed) => (
                <li key={feed.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <a href={`/events${feed.filters ? `?${feed.filters}` : ""}`} className="font-medium underline">
                      {feed.title}
                    </a>{" "}
                    <code className="text-slate-500">{feed.prefix}…</code>
                    <span className="block text-slate-500">
                      {t("made", { date: when(feed.createdAt) })} · {feed.lastUsedAt ? t("lastRead", { date: when(feed.lastUsedAt) }) : t("notRead")}
                      {feed.revokedAt && (
                        <>
                          {" "}
                          · {ended(feed.revokedReason)} {when(feed.revokedAt)}
                        </>
                      )}
                    </span>
                  </span>
                  {!feed.revokedAt && <RevokeFeedButton id={feed.id} title={feed.title} />}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
