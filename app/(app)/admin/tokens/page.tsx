import type { Metadata } from "next";
import { SimpleTable } from "@/components/ui/simple-table";
import { IssueTokenForm } from "@/components/forms/issue-token-form";
import { RevokeTokenButton } from "@/components/forms/revoke-token-button";
import { requireActor } from "@/lib/auth/session";
import { RoleNotice } from "@/components/layout/role-notice";
import { listApiTokens } from "@/lib/data/api-tokens";
import { can } from "@/lib/domain/permissions";
import { TOKEN_END_LABELS } from "@/lib/domain/api-tokens";
import { ROLE_LABELS } from "@/lib/domain/vocabulary";
import { formatInstant } from "@/lib/domain/partial-date";

export const metadata: Metadata = { title: "API tokens" };

const when = (date: Date | null) => (date ? formatInstant(date) : "—");

export default async function ApiTokensPage() {
  const actor = await requireActor();
  if (!can(actor.role, "manageApiTokens")) {
    return <RoleNotice>Only admins manage API tokens.</RoleNotice>;
  }
  const tokens = await listApiTokens(actor);
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">API tokens</h1>
        <p className="text-slate-600">
          Tokens let scripts read the JSON API and download exports. Each acts as a user, with that user&apos;s role, or read-only; it expires (after 90 days
          unless you choose), stops at once when revoked, and for good when its user is disabled or their password is reset.
        </p>
      </div>
      <IssueTokenForm />
      {tokens.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">No token has been issued yet.</p>
      ) : (
        <SimpleTable
          caption="API tokens"
          headers={["Name", "Starts with", "Acts as", "Access", "Issued", "Last used", "Expires", "State", ""]}
          testId="tokens-table"
        >
          {tokens.map((t) => {
            const expired = t.expiresAt !== null && t.expiresAt <= new Date();
            return (
              <tr key={t.id} className="border-t border-slate-100">
                <td className="px-3 py-2 font-medium">{t.name}</td>
                <td className="px-3 py-2">
                  <code>{t.prefix}…</code>
                </td>
                <td className="px-3 py-2">
                  {t.user.email} ({ROLE_LABELS[t.user.role]})
                </td>
                <td className="px-3 py-2">{t.readOnly ? "Read-only" : "As the user's role"}</td>
                <td className="px-3 py-2">
                  {when(t.createdAt)}
                  {t.issuedBy ? ` by ${t.issuedBy.email}` : ""}
                </td>
                <td className="px-3 py-2">{when(t.lastUsedAt)}</td>
                <td className="px-3 py-2">{when(t.expiresAt)}</td>
                <td className="px-3 py-2">
                  {t.revokedAt ? `${TOKEN_END_LABELS[t.revokedReason ?? "revoked"] ?? "Revoked"} ${when(t.revokedAt)}` : expired ? "Expired" : "Active"}
                </td>
                <td className="px-3 py-2 text-right">{!t.revokedAt && <RevokeTokenButton id={t.id} name={t.name} />}</td>
              </tr>
            );
          })}
        </SimpleTable>
      )}
    </div>
  );
}
