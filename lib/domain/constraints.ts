// What kind of access constraint an event is: ACAPS's nine Humanitarian Access indicators
// under three pillars (built on OCHA's Access Monitoring and Reporting Framework), with a
// small vocabulary of subtypes under them. Codes are the API's and the database enum's
// (a unit test checks that they stay in step); labels in English and French.
import type { EventKind } from "./vocabulary";

export { PILLAR_LABELS, PILLARS, type Pillar } from "./pillars";
import type { Pillar } from "./pillars";

export const CATEGORIES = [
  "DENIAL_OF_NEEDS",
  "RESTRICTED_ACCESS_TO_SERVICES",
  "IMPEDIMENTS_TO_ENTRY",
  "MOVEMENT_RESTRICTIONS",
  "INTERFERENCE",
  "VIOLENCE_AGAINST_PERSONNEL",
  "INSECURITY_HOSTILITIES",
  "EXPLOSIVE_HAZARDS",
  "PHYSICAL_CONSTRAINTS",
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface CategoryDefinition {
  pillar: Pillar;
  /** ACAPS's indicator, in its own words. */
  indicator: string;
  en: string;
  fr: string;
}

export const CATEGORY: Record<Category, CategoryDefinition> = {
  DENIAL_OF_NEEDS: {
    pillar: "PEOPLE_ACCESS_TO_AID",
    indicator: "denial of the existence of humanitarian needs or entitlements to assistance",
    en: "Denial of needs or entitlements",
    fr: "Déni des besoins ou des droits à l'assistance",
  },
  RESTRICTED_ACCESS_TO_SERVICES: {
    pillar: "PEOPLE_ACCESS_TO_AID",
    indicator: "restriction and obstruction of access to services and assistance",
    en: "Restricted access to services and assistance",
    fr: "Accès restreint aux services et à l'assistance",
  },
  IMPEDIMENTS_TO_ENTRY: {
    pillar: "HUMANITARIAN_ACCESS_TO_PEOPLE",
    indicator: "impediments to enter the country (bureaucratic and administrative)",
    en: "Impediments to entry (bureaucratic, administrative)",
    fr: "Entraves à l'entrée dans le pays (bureaucratiques, administratives)",
  },
  MOVEMENT_RESTRICTIONS: {
    pillar: "HUMANITARIAN_ACCESS_TO_PEOPLE",
    indicator: "restriction of movement within the country",
    en: "Movement restrictions within the country",
    fr: "Restrictions de mouvement dans le pays",
  },
  INTERFERENCE: {
    pillar: "HUMANITARIAN_ACCESS_TO_PEOPLE",
    indicator: "interference in the implementation of humanitarian activities",
    en: "Interference in humanitarian activities",
    fr: "Ingérence dans les activités humanitaires",
  },
  VIOLENCE_AGAINST_PERSONNEL: {
    pillar: "HUMANITARIAN_ACCESS_TO_PEOPLE",
    indicator: "violence against humanitarian personnel, facilities and assets",
    en: "Violence against personnel, facilities and assets",
    fr: "Violence contre le personnel, les installations et les biens",
  },
  INSECURITY_HOSTILITIES: {
    pillar: "SECURITY_AND_PHYSICAL",
    indicator: "ongoing insecurity or hostilities affecting humanitarian assistance",
    en: "Insecurity or hostilities",
    fr: "Insécurité ou hostilités",
  },
  EXPLOSIVE_HAZARDS: {
    pillar: "SECURITY_AND_PHYSICAL",
    indicator: "presence of landmines, improvised explosive devices, explosive remnants of war",
    en: "Explosive hazards",
    fr: "Engins explosifs",
  },
  PHYSICAL_CONSTRAINTS: {
    pillar: "SECURITY_AND_PHYSICAL",
    indicator: "physical constraints in the environment (terrain, climate, infrastructure)",
    en: "Physical constraints (terrain, climate, infrastructure)",
    fr: "Contraintes physiques (terrain, climat, infrastructures)",
  },
};

export const categoriesOf = (pillar: Pillar): Category[] => CATEGORIES.filter((c) => CATEGORY[c].pillar === pillar);

export const SUBTYPES = [
  "REGISTRATION_WITHDRAWN",
  "AGREEMENT_ENDED",
  "EXPULSION_ORDER",
  "VISA_OR_PERMIT_DENIED",
  "SUSPENSION_ORDER",
  "SUPERVISION_MEASURES",
  "DATA_DEMAND",
  "ESCORT_REQUIRED",
  "MOVEMENT_BAN",
  "ATTACK_ON_STAFF",
  "ABDUCTION",
  "SEIZURE_OF_ASSETS",
] as const;
export type Subtype = (typeof SUBTYPES)[number];

/** Each subtype belongs to one category: a subtype given with another category is refused. */
export const SUBTYPE: Record<Subtype, { category: Category; en: string; fr: string }> = {
  REGISTRATION_WITHDRAWN: { category: "IMPEDIMENTS_TO_ENTRY", en: "Licence or registration withdrawn", fr: "Agrément ou enregistrement retiré" },
  AGREEMENT_ENDED: { category: "IMPEDIMENTS_TO_ENTRY", en: "Host or headquarters agreement ended", fr: "Accord de siège ou d'hôte dénoncé" },
  EXPULSION_ORDER: { category: "IMPEDIMENTS_TO_ENTRY", en: "Expulsion order", fr: "Ordre d'expulsion" },
  VISA_OR_PERMIT_DENIED: { category: "IMPEDIMENTS_TO_ENTRY", en: "Visa or permit denied", fr: "Visa ou permis refusé" },
  SUSPENSION_ORDER: { category: "INTERFERENCE", en: "Suspension order", fr: "Ordre de suspension" },
  SUPERVISION_MEASURES: { category: "INTERFERENCE", en: "Supervision or monitoring measures", fr: "Mesures de contrôle ou de surveillance" },
  DATA_DEMAND: {
    category: "INTERFERENCE",
    en: "Demand for staff lists or beneficiary data",
    fr: "Exigence de listes du personnel ou de données des bénéficiaires",
  },
  ESCORT_REQUIRED: { category: "MOVEMENT_RESTRICTIONS", en: "Escort required", fr: "Escorte obligatoire" },
  MOVEMENT_BAN: { category: "MOVEMENT_RESTRICTIONS", en: "Movement ban", fr: "Interdiction de circuler" },
  ATTACK_ON_STAFF: { category: "VIOLENCE_AGAINST_PERSONNEL", en: "Attack on staff", fr: "Attaque contre le personnel" },
  ABDUCTION: { category: "VIOLENCE_AGAINST_PERSONNEL", en: "Abduction", fr: "Enlèvement" },
  SEIZURE_OF_ASSETS: { category: "VIOLENCE_AGAINST_PERSONNEL", en: "Seizure of assets", fr: "Saisie de biens" },
};

/**
 * The category an event of each kind gets unless the analyst chooses another. Exits and the
 * loss of a licence or an agreement are impediments to being in the country (a
 * readmission ends one); a suspension or a closed office is interference in the work; a
 * restriction, until the analyst says which, counts as interference too (and its lifting
 * with it). An arrival is no constraint, and "Other" has no default: such an event has no
 * category unless the analyst gives one from what the sources say, never a guess.
 */
export const DEFAULT_CATEGORY: Record<EventKind, Category | null> = {
  ORDER_TO_LEAVE: "IMPEDIMENTS_TO_ENTRY",
  LICENCE_REVOKED: "IMPEDIMENTS_TO_ENTRY",
  AGREEMENT_TERMINATED: "IMPEDIMENTS_TO_ENTRY",
  WITHDRAWAL_COMPLETED: "IMPEDIMENTS_TO_ENTRY",
  READMITTED: "IMPEDIMENTS_TO_ENTRY",
  ARRIVAL: null,
  OPERATIONS_SUSPENDED: "INTERFERENCE",
  OFFICE_CLOSED: "INTERFERENCE",
  RESTRICTION_IMPOSED: "INTERFERENCE",
  RESTRICTION_LIFTED: "INTERFERENCE",
  OTHER: null,
};

/** Why a subtype does not fit a category, or null when it does (or there is no subtype). */
export function subtypeProblem(category: Category | null, subtype: Subtype | null): string | null {
  if (!subtype) return null;
  const home = SUBTYPE[subtype].category;
  if (category === home) return null;
  return `"${SUBTYPE[subtype].en}" is a kind of "${CATEGORY[home].en}"${category ? `, not of "${CATEGORY[category].en}"` : ""}: choose that category, or another subtype.`;
}

/**
 * The category an event is saved with: the one given (null: none), else its subtype's,
 * else the default of its kind.
 */
export function resolveCategory(kind: EventKind, category: Category | null | undefined, subtype: Subtype | null | undefined): Category | null {
  if (category !== undefined) return category;
  if (subtype) return SUBTYPE[subtype].category;
  return DEFAULT_CATEGORY[kind];
}

export { concernsLabel } from "./concerns";
