// What kind of access constraint an event is: ACAPS's nine Humanitarian Access indicators
// under three pillars (built on OCHA's Access Monitoring and Reporting Framework), with a
// small vocabulary of subtypes under them. Codes are the API's and the database enum's
// (a unit test checks that they stay in step); labels in English and French.
import type { EventKind } from "./vocabulary";

export { PILLAR_LABELS, PILLARS, type Pillar } from "./pillars";
import type { Pillar } from "./pillars";

export { CATEGORIES, type Category } from "./constraint-codes";
import { CATEGORIES, CATEGORY_LABELS, CATEGORY_PILLAR, SUBTYPE_CATEGORY, SUBTYPE_LABELS, SUBTYPES, type Category, type Subtype } from "./constraint-codes";

export interface CategoryDefinition {
  pillar: Pillar;
  /** ACAPS's indicator, in its own words. */
  indicator: string;
  en: string;
  fr: string;
}

/** ACAPS's wording and the French label of each category; its pillar and English label are in constraint-codes.ts. */
const CATEGORY_TEXT: Record<Category, { indicator: string; fr: string }> = {
  DENIAL_OF_NEEDS: {
    indicator: "denial of the existence of humanitarian needs or entitlements to assistance",
    fr: "Déni des besoins ou des droits à l'assistance",
  },
  RESTRICTED_ACCESS_TO_SERVICES: {
    indicator: "restriction and obstruction of access to services and assistance",
    fr: "Accès restreint aux services et à l'assistance",
  },
  IMPEDIMENTS_TO_ENTRY: {
    indicator: "impediments to enter the country (bureaucratic and administrative)",
    fr: "Entraves à l'entrée dans le pays (bureaucratiques, administratives)",
  },
  MOVEMENT_RESTRICTIONS: { indicator: "restriction of movement within the country", fr: "Restrictions de mouvement dans le pays" },
  INTERFERENCE: { indicator: "interference in the implementation of humanitarian activities", fr: "Ingérence dans les activités humanitaires" },
  VIOLENCE_AGAINST_PERSONNEL: {
    indicator: "violence against humanitarian personnel, facilities and assets",
    fr: "Violence contre le personnel, les installations et les biens",
  },
  INSECURITY_HOSTILITIES: { indicator: "ongoing insecurity or hostilities affecting humanitarian assistance", fr: "Insécurité ou hostilités" },
  EXPLOSIVE_HAZARDS: { indicator: "presence of landmines, improvised explosive devices, explosive remnants of war", fr: "Engins explosifs" },
  PHYSICAL_CONSTRAINTS: {
    indicator: "physical constraints in the environment (terrain, climate, infrastructure)",
    fr: "Contraintes physiques (terrain, climat, infrastructures)",
  },
};

export const CATEGORY: Record<Category, CategoryDefinition> = Object.fromEntries(
  CATEGORIES.map((c) => [c, { pillar: CATEGORY_PILLAR[c], en: CATEGORY_LABELS[c], ...CATEGORY_TEXT[c] }]),
) as Record<Category, CategoryDefinition>;

export const categoriesOf = (pillar: Pillar): Category[] => CATEGORIES.filter((c) => CATEGORY[c].pillar === pillar);

export { SUBTYPES, type Subtype } from "./constraint-codes";

/** The French label of each subtype (English: constraint-codes.ts). */
const SUBTYPE_FR: Record<Subtype, string> = {
  REGISTRATION_WITHDRAWN: "Agrément ou enregistrement retiré",
  AGREEMENT_ENDED: "Accord de siège ou d'hôte dénoncé",
  EXPULSION_ORDER: "Ordre d'expulsion",
  VISA_OR_PERMIT_DENIED: "Visa ou permis refusé",
  SUSPENSION_ORDER: "Ordre de suspension",
  SUPERVISION_MEASURES: "Mesures de contrôle ou de surveillance",
  DATA_DEMAND: "Exigence de listes du personnel ou de données des bénéficiaires",
  ESCORT_REQUIRED: "Escorte obligatoire",
  MOVEMENT_BAN: "Interdiction de circuler",
  ATTACK_ON_STAFF: "Attaque contre le personnel",
  ABDUCTION: "Enlèvement",
  SEIZURE_OF_ASSETS: "Saisie de biens",
};

/** Each subtype belongs to one category: a subtype given with another category is refused. */
export const SUBTYPE: Record<Subtype, { category: Category; en: string; fr: string }> = Object.fromEntries(
  SUBTYPES.map((t) => [t, { category: SUBTYPE_CATEGORY[t], en: SUBTYPE_LABELS[t], fr: SUBTYPE_FR[t] }]),
) as Record<Subtype, { category: Category; en: string; fr: string }>;

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
