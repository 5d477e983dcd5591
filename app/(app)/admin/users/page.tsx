import type { Metadata } from "next";
import { getFormat, getTranslations } from "@/lib/i18n/server";
import { SimpleTable } from "@/components/ui/simple-table";
import { CreateUserForm, UserControls } from "@/components/forms/user-admin";
import { requireActor } from "@/lib/auth/session";
import { RoleNotice } from "@/components/layout/role-notice";
import { listUsers } from "@/lib/data/user-admin";
import { can } from "@/lib/domain/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("usersTitle") };
}

export default async function UsersPage() {
  const actor = await requireActor();
  const [t, f] = [await getTranslations("admin"), await getFormat()];
  if (!can(actor.role, "manageUsers")) {
    return <RoleNotice>{t("usersNoRole")}</RoleNotice>;
  }
  const users = await listUsers(actor);
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("usersTitle")}</h1>
        <p className="text-slate-600">{t("usersIntro")}</p>
      </div>
      <CreateUserForm />
      <SimpleTable
        caption={t("usersTitle")}
        headers={(["name", "email", "role", "state", "since", "change"] as const).map((key) => t(`usersHeaders.${key}`))}
        testId="users-table"
      >
        {users.map((u) => (
          <tr key={u.id} className="border-t border-slate-100 align-middle" data-testid="user-row">
            <td className="px-3 py-2 font-medium">{u.name}</td>
            <td className="px-3 py-2">{u.email}</td>
            <td className="px-3 py-2">{f.labels.role[u.role]}</td>
            <td className="px-3 py-2">
              {u.disabledAt ? <span className="font-semibold text-red-800">{t("disabled")}</span> : u.mustChangePassword ? t("activeOneTime") : t("active")}
            </td>
            <td className="px-3 py-2 whitespace-nowrap">{f.date(u.createdAt)}</td>
            <td className="px-3 py-2">
              <UserControls user={{ id: u.id, email: u.email, role: u.role, disabled: Boolean(u.disabledAt) }} />
            </td>
          </tr>
        ))}
      </SimpleTable>
    </div>
  );
}
