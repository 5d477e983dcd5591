// How long each written value may be and how many sources an event may cite: the schemas
// (edit-schemas.ts) refuse beyond these, and the forms set the same maxLength. Kept free of
// zod so that forms can import it without shipping the validation library.
export const LIMITS = {
  summary: { min: 10, max: 2000 },
  retractionReason: { min: 10, max: 1000 },
  claim: 1000,
  quote: 2000,
  publisher: 200,
  sourceTitle: 500,
  url: 2000,
  organisationName: 200,
  acronym: 40,
  iatiId: 100,
  peopleAffected: 1_000_000_000,
  /** Sources one status change may cite. */
  sources: 10,
} as const;
