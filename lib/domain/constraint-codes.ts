// The codes of the access-constraint vocabulary with their English labels and where each
// belongs: all that the tables and exports need, apart from constraints.ts (French labels,
// ACAPS's wording, defaults and rules) so that table pages in the browser stay small.
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

export const CATEGORY_PILLAR: Record<Category, Pillar> = {
  DENIAL_OF_NEEDS: "PEOPLE_ACCESS_TO_AID",
  RESTRICTED_ACCESS_TO_SERVICES: "PEOPLE_ACCESS_TO_AID",
  IMPEDIMENTS_TO_ENTRY: "HUMANITARIAN_ACCESS_TO_PEOPLE",
  MOVEMENT_RESTRICTIONS: "HUMANITARIAN_ACCESS_TO_PEOPLE",
  INTERFERENCE: "HUMANITARIAN_ACCESS_TO_PEOPLE",
  VIOLENCE_AGAINST_PERSONNEL: "HUMANITARIAN_ACCESS_TO_PEOPLE",
  INSECURITY_HOSTILITIES: "SECURITY_AND_PHYSICAL",
  EXPLOSIVE_HAZARDS: "SECURITY_AND_PHYSICAL",
  PHYSICAL_CONSTRAINTS: "SECURITY_AND_PHYSICAL",
};

export const CATEGORY_LABELS: Record<Category, string> = {
  DENIAL_OF_NEEDS: "Denial of needs or entitlements",
  RESTRICTED_ACCESS_TO_SERVICES: "Restricted access to services and assistance",
  IMPEDIMENTS_TO_ENTRY: "Impediments to entry (bureaucratic, administrative)",
  MOVEMENT_RESTRICTIONS: "Movement restrictions within the country",
  INTERFERENCE: "Interference in humanitarian activities",
  VIOLENCE_AGAINST_PERSONNEL: "Violence against personnel, facilities and assets",
  INSECURITY_HOSTILITIES: "Insecurity or hostilities",
  EXPLOSIVE_HAZARDS: "Explosive hazards",
  PHYSICAL_CONSTRAINTS: "Physical constraints (terrain, climate, infrastructure)",
};

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

export const SUBTYPE_CATEGORY: Record<Subtype, Category> = {
  REGISTRATION_WITHDRAWN: "IMPEDIMENTS_TO_ENTRY",
  AGREEMENT_ENDED: "IMPEDIMENTS_TO_ENTRY",
  EXPULSION_ORDER: "IMPEDIMENTS_TO_ENTRY",
  VISA_OR_PERMIT_DENIED: "IMPEDIMENTS_TO_ENTRY",
  SUSPENSION_ORDER: "INTERFERENCE",
  SUPERVISION_MEASURES: "INTERFERENCE",
  DATA_DEMAND: "INTERFERENCE",
  ESCORT_REQUIRED: "MOVEMENT_RESTRICTIONS",
  MOVEMENT_BAN: "MOVEMENT_RESTRICTIONS",
  ATTACK_ON_STAFF: "VIOLENCE_AGAINST_PERSONNEL",
  ABDUCTION: "VIOLENCE_AGAINST_PERSONNEL",
  SEIZURE_OF_ASSETS: "VIOLENCE_AGAINST_PERSONNEL",
};

export const SUBTYPE_LABELS: Record<Subtype, string> = {
  REGISTRATION_WITHDRAWN: "Licence or registration withdrawn",
  AGREEMENT_ENDED: "Host or headquarters agreement ended",
  EXPULSION_ORDER: "Expulsion order",
  VISA_OR_PERMIT_DENIED: "Visa or permit denied",
  SUSPENSION_ORDER: "Suspension order",
  SUPERVISION_MEASURES: "Supervision or monitoring measures",
  DATA_DEMAND: "Demand for staff lists or beneficiary data",
  ESCORT_REQUIRED: "Escort required",
  MOVEMENT_BAN: "Movement ban",
  ATTACK_ON_STAFF: "Attack on staff",
  ABDUCTION: "Abduction",
  SEIZURE_OF_ASSETS: "Seizure of assets",
};
