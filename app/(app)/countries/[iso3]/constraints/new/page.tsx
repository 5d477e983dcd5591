import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConstraintForm } from "@/components/forms/constraint-form";
import { requireActor } from "@/lib/auth/session";
import { getConstraintContext } from "@/lib/data/presences";
import { can } from "@/lib/domain/permissions";

export const metadata: Metadata = { title: "Record a constraint" };

export default async function NewConstraintPage({ params }: { params: Promise<{ iso3: string }> }) {
  const actor = await requireActor();
  if (!can(actor.role, "editEvents")) {
    return (
      <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">
        Your role can read and export, not edit. Ask an admin if you need to record constraints.
      </p>
    );
  }
  const context = await getConstraintContext(actor, (await params).iso3);
  if (!context) notFound();
  const back = `/countries/${context.country.iso3}`;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p className="text-sm text-slate-500">
        <Link href={back} className="underline">
          {context.country.name}
        </Link>{" "}
        / Record a constraint
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">Record an access constraint in {context.country.name}</h1>
      <p className="text-sm text-slate-600">
        One entry for a constraint of the country: an escort requirement for every international NGO, a decree that names several organisations, a movement ban
        in some areas. With a status, each organisation concerned gets its own event and its status is recomputed; without one, no status changes.
      </p>
      <ConstraintForm
        iso3={context.country.iso3}
        countryName={context.country.name}
        organisations={context.organisations}
        areas={context.areas}
        sourceOptions={context.sourceOptions}
        backHref={back}
      />
    </div>
  );
}
