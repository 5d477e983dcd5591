"use client";
// Organisations for a picker as the analyst types: by name, acronym, IATI identifier or alias
// (searchOrganisations on the server); nothing when the server cannot be reached.
import { searchOrganisationsAction } from "@/lib/actions/presences";
import { callAction } from "@/lib/actions/call";
import type { ComboboxOption } from "@/components/ui/combobox";

export async function searchOrganisationOptions(text: string): Promise<ComboboxOption[]> {
  const found = await callAction(() => searchOrganisationsAction({ text }));
  return found.ok ? found.value.map((o) => ({ value: String(o.id), label: o.name, hint: o.acronym ?? undefined })) : [];
}
