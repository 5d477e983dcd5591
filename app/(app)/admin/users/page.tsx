import type { Metadata } from "next";
import { SimpleTable } from "@/components/ui/simple-table";
import { CreateUserForm, UserControls } from "@/components/forms/user-admin";
import { requireActor } from "@/lib/auth/session";
import { RoleNotice } from "@/components/layout/role-notice";
import { listUsers } from "@/lib/data/user-admin";
import { can } from "@/lib/domain/permissions";
import { ROLE_LABELS } from "@/lib/domain/vocabulary";
import { formatPartialDate } from "@/lib/domain/partial-date";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requireActor();
  if (!can(actor.role, "manageUsers")) {
    return <RoleNotice>Only admins manage users.</RoleNotice>;
  }
  const users = await listUsers(actor);
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
        <p className="text-slate-600">
          Viewers read and export; analysts also edit; admins also manage users and API tokens. Changing a role, disabling a user, resetting a password or
          &ldquo;Sign out everywhere&rdquo; ends all of that user&apos;s sessions at once; disabling or resetting also ends their API tokens. A password you set
          works once: the user chooses their own at the next sign-in. The last active admin cannot be demoted or disabled.
        </p>
      </div>
      <CreateUserForm />
      <SimpleTable caption="Users" headers={["Name", "Email", "Role", "State", "Since", "Change"]} testId="users-table">
        {users.map((u) => (
          <tr key={u.id} className="border-t border-slate-100 align-middle" data-testid="user-row">
            <td className="px-3 py-2 font-medium">{u.name}</td>
            <td className="px-3 py-2">{u.email}</td>
            <td className="px-3 py-2">{ROLE_LABELS[u.role]}</td>
            <td className="px-3 py-2">
              {u.disabledAt ? <span className="font-semibold text-red-800">Disabled</span> : u.mustChangePassword ? "Active, one-time password" : "Active"}
            </td>
            <td className="px-3 py-2 whitespace-nowrap">{formatPartialDate(u.createdAt, "DAY")}</td>
            <td className="px-3 py-2">
              <UserControls user={{ id: u.id, email: u.email, role: u.role, disabled: Boolean(u.disabledAt) }} />
            </td>
          </tr>
        ))}
      </SimpleTable>
    </div>
  );
}
