import type { Metadata } from "next";
import { PasswordChangeForm, SignOutEverywhereButton } from "@/components/forms/account-forms";
import { requireActor } from "@/lib/auth/session";
import { listOwnSessions } from "@/lib/data/account";
import { ROLE_LABELS } from "@/lib/domain/vocabulary";
import { formatInstant } from "@/lib/domain/partial-date";
import { listOwnFeeds } from "@/lib/data/feeds";
import { RevokeFeedButton } from "@/components/feeds/revoke-feed-button";
import { TOKEN_END_LABELS } from "@/lib/domain/api-tokens";

export const metadata: Metadata = { title: "Account" };

const when = (date: Date) => formatInstant(date);

export default async function AccountPage() {
  const actor = await requireActor({ passwordChangePage: true });
  const required = Boolean(actor.mustChangePassword);
  const [sessions, feeds] = required ? [[], []] : await Promise.all([listOwnSessions(actor), listOwnFeeds(actor)]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Account</h1>
        <p className="text-slate-600">
          {actor.name} · {actor.email} · {ROLE_LABELS[actor.role]}
        </p>
      </div>
      <section aria-labelledby="password-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="password-heading" className="font-semibold">
          Change my password
        </h2>
        {required && (
          <p role="alert" className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            An admin chose your current password, so it works only once: choose your own to continue.
          </p>
        )}
        <PasswordChangeForm required={required} email={actor.email} />
      </section>
      {!required && (
        <section aria-labelledby="sessions-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="sessions-heading" className="font-semibold">
            Where I am signed in
          </h2>
          <ul className="divide-y divide-slate-100 text-sm" data-testid="sessions">
            {sessions.map((s, index) => (
              <li key={index} className="py-2">
                <span className="font-medium">{s.current ? "This session" : "Another session"}</span>, since {when(s.createdAt)}
                {s.clientAddress && <> from {s.clientAddress}</>}
                {s.userAgent && <span className="block truncate text-slate-500">{s.userAgent}</span>}
              </li>
            ))}
          </ul>
          <p className="text-sm text-slate-600">Signing out everywhere ends every session above, this one included, at once.</p>
          <SignOutEverywhereButton />
        </section>
      )}
      {!required && (
        <section id="feeds" aria-labelledby="feeds-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="feeds-heading" className="font-semibold">
            My feeds
          </h2>
          <p className="text-sm text-slate-600">
            Atom feeds of published changes for a view, made with the <span className="font-medium">Feed</span> button of the events and presences tables. Each
            address holds its own read-only key: revoke a feed you no longer read, or whose address was shared.
          </p>
          {feeds.length === 0 ? (
            <p className="text-sm text-slate-600" data-testid="feeds-empty">
              No feeds yet.
            </p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="feeds">
              {feeds.map((f) => (
                <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <a href={`/events${f.filters ? `?${f.filters}` : ""}`} className="font-medium underline">
                      {f.title}
                    </a>{" "}
                    <code className="text-slate-500">{f.prefix}…</code>
                    <span className="block text-slate-500">
                      Made {when(f.createdAt)} · {f.lastUsedAt ? `last read ${when(f.lastUsedAt)}` : "not read yet"}
                      {f.revokedAt && (
                        <>
                          {" "}
                          · {TOKEN_END_LABELS[f.revokedReason ?? "revoked"] ?? "Revoked"} {when(f.revokedAt)}
                        </>
                      )}
                    </span>
                  </span>
                  {!f.revokedAt && <RevokeFeedButton id={f.id} title={f.title} />}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
