// What a page says to someone whose role does not open it (the data layer refuses them regardless).
import type { ReactNode } from "react";

export function RoleNotice({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">{children}</p>;
}
