// The three pillars of ACAPS's access indicators (lib/domain/constraints.ts puts the nine
// categories under them); apart, so that charts in the browser need not load the whole vocabulary.
export const PILLARS = ["PEOPLE_ACCESS_TO_AID", "HUMANITARIAN_ACCESS_TO_PEOPLE", "SECURITY_AND_PHYSICAL"] as const;
export type Pillar = (typeof PILLARS)[number];

export const PILLAR_LABELS: Record<Pillar, { en: string; fr: string }> = {
  PEOPLE_ACCESS_TO_AID: { en: "Access of people in need to aid", fr: "Accès des personnes dans le besoin à l'aide" },
  HUMANITARIAN_ACCESS_TO_PEOPLE: {
    en: "Access of humanitarian actors to the affected population",
    fr: "Accès des acteurs humanitaires à la population affectée",
  },
  SECURITY_AND_PHYSICAL: { en: "Security and physical constraints", fr: "Contraintes sécuritaires et physiques" },
};
