import type { Metadata } from "next";
import { OrganisationForm } from "@/components/forms/organisation-form";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";

export const metadata: Metadata = { title: "Add an organisation" };

export default async function NewOrganisationPage() {
  const actor = await requireActor();
  if (!can(actor.role, "editOrganisations")) {
    return <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">Your role can read and export, not add organisations.</p>;
  }
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Add an organisation</h1>
      <p className="text-slate-600">Then add it to the countries where it works, each with its first sourced event.</p>
      <OrganisationForm />
    </div>
  );
}
