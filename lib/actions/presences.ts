"use server";
// What the "Add to a country" form asks while the analyst chooses: organisations matching
// what they type, and whether the chosen organisation is already in the chosen country.
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { findSimilarOrganisations, searchOrganisations } from "@/lib/data/organisations";
import { getNewPresenceContext } from "@/lib/data/presences";
import { ISO3_CODE } from "@/lib/domain/vocabulary";

export const searchOrganisationsAction = action(z.strictObject({ text: z.string().max(100) }), (actor, { text }) => searchOrganisations(actor, text));

export const newPresenceContextAction = action(
  z.strictObject({
    organisationId: z.number().int().positive(),
    countryIso3: z
      .string()
      .regex(ISO3_CODE)
      .transform((v) => v.toUpperCase()),
  }),
  (actor, { organisationId, countryIso3 }) => getNewPresenceContext(actor, organisationId, countryIso3),
);

export const similarOrganisationsAction = action(
  z.strictObject({ name: z.string().max(300), acronym: z.string().max(100).nullable(), iatiId: z.string().max(200).nullable().optional() }),
  (actor, { name, acronym, iatiId }) => findSimilarOrganisations(actor, name, acronym, iatiId ?? null),
);
