import type { Metadata } from "next";
import { getFormat, getTranslations } from "@/lib/i18n/server";
import { SimpleTable } from "@/components/ui/simple-table";
import { IssueTokenForm } from "@/components/forms/issue-token-form";
import { RevokeTokenButton } from "@/components/forms/revoke-token-button";
import { requireActor } from "@/lib/auth/session";
import { RoleNotice } from "@/components/layout/role-notice";
import { listApiTokens } from "@/lib/data/api-tokens";
import { can } from "@/lib/domain/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("tokensTitle") };
}

export default async function ApiTokensPage() {
  const actor = await requireActor();
  const [t, f] = [await getTranslations("admin"), await getFormat()];
  const tAccount = await getTranslations("account");
  const when = (date: Date | null) => (date ? f.instant(date) : "—");
  const ended = (reason: string | null) => (reason === "userDisabled" || reason === "passwordReset" ? tAccount(`ended.${reason}`) : tAccount("ended.revoked"));
  if (!can(actor.role, "manageApiTokens")) {
    return <RoleNotice>{t("tokensNoRole")}</RoleNotice>;
  }
  const tokens = await listApiTokens(actor);
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("tokensTitle")}</h1>
        <p className="text-slate-600">{t("tokensIntro")}</p>
      </div>
      <IssueTokenForm />
      {tokens.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">{t("noTokens")}</p>
      ) : (
        <SimpleTable
          caption={t("tokensTitle")}
          headers={[...(["name", "prefix", "actsAs", "access", "issued", "lastUsed", "expires", "state"] as const).map((key) => t(`tokenHeaders.${key}`)), ""]}
          testId="tokens-table"
        >
          {tokens.map((token) => {
            const expired = token.expiresAt !== null && token.expiresAt <= new Date();
            return (
              <tr key={token.id} className="border-t border-slate-100">
                <td className="px-3 py-2 font-medium">{token.name}</td>
                <td className="px-3 py-2">
                  <code>{token.prefix}…</code>
                </td>
                <td className="px-3 py-2">
                  {token.user.email} ({f.labels.role[token.user.role]})
                </td>
                <td className="px-3 py-2">{token.readOnly ? t("readOnly") : t("asRole")}</td>
                <td className="px-3 py-2">
                  {when(token.createdAt)}
                  {token.issuedBy ? t("by", { email: token.issuedBy.email }) : ""}
                </td>
                <td className="px-3 py-2">{when(token.lastUsedAt)}</td>
                <td className="px-3 py-2">{when(token.expiresAt)}</td>
                <td className="px-3 py-2">
                  {token.revokedAt ? `${ended(token.revokedReason)} ${when(token.revokedAt)}` : expired ? t("expired") : t("active")}
                </td>
                <td className="px-3 py-2 text-right">{!token.revokedAt && <RevokeTokenButton id={token.id} name={token.name} />}</td>
              </tr>
            );
          })}
        </SimpleTable>
      )}
    </div>
  );
}
