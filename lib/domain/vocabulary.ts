// The closed vocabularies of the domain, each defined once and imported everywhere
// (forms, tables, exports, API schemas). Values match the Prisma enums exactly; a unit
// test checks that they stay in step.
import type { Locale } from "./locales";

export const STATUSES = ["OPERATING", "RESTRICTED", "EXPELLED"] as const;
export type Status = (typeof STATUSES)[number];

/** Higher is more severe: used for "most severe status" (map, country summaries). */
export const STATUS_SEVERITY: Record<Status, number> = { OPERATING: 0, RESTRICTED: 1, EXPELLED: 2 };

export const STATUS_LABELS: Record<Status, string> = {
  OPERATING: "Operating",
  RESTRICTED: "Restricted",
  EXPELLED: "Expelled",
};

export const DATE_PRECISIONS = ["DAY", "MONTH", "YEAR"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const CONFIDENCES = ["CONFIRMED", "REPORTED", "DISPUTED"] as const;
export type Confidence = (typeof CONFIDENCES)[number];
export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  CONFIRMED: "Confirmed",
  REPORTED: "Reported",
  DISPUTED: "Disputed",
};

export const REVIEW_STATES = ["DRAFT", "PUBLISHED", "RETRACTED"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const EVENT_KINDS = [
  "ORDER_TO_LEAVE",
  "LICENCE_REVOKED",
  "AGREEMENT_TERMINATED",
  "OPERATIONS_SUSPENDED",
  "OFFICE_CLOSED",
  "WITHDRAWAL_COMPLETED",
  "RESTRICTION_IMPOSED",
  "RESTRICTION_LIFTED",
  "READMITTED",
  "ARRIVAL",
  "OTHER",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  ORDER_TO_LEAVE: "Order to leave",
  LICENCE_REVOKED: "Licence revoked",
  AGREEMENT_TERMINATED: "Agreement terminated",
  OPERATIONS_SUSPENDED: "Operations suspended",
  OFFICE_CLOSED: "Office closed",
  WITHDRAWAL_COMPLETED: "Withdrawal completed",
  RESTRICTION_IMPOSED: "Restriction imposed",
  RESTRICTION_LIFTED: "Restriction lifted",
  READMITTED: "Readmitted",
  ARRIVAL: "Arrival",
  OTHER: "Other",
};

export const ORGANISATION_TYPES = [
  "INGO",
  "NATIONAL_NGO",
  "UN_AGENCY",
  "RED_CROSS_RED_CRESCENT",
  "INTERGOVERNMENTAL",
  "GOVERNMENT_MISSION",
  "FOREIGN_MILITARY",
  "OTHER",
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  INGO: "International NGO",
  NATIONAL_NGO: "National NGO",
  UN_AGENCY: "UN agency",
  RED_CROSS_RED_CRESCENT: "Red Cross / Red Crescent",
  INTERGOVERNMENTAL: "Intergovernmental",
  GOVERNMENT_MISSION: "Government / diplomatic mission",
  FOREIGN_MILITARY: "Foreign military",
  OTHER: "Other",
};

export const ROLES = ["VIEWER", "ANALYST", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = { VIEWER: "Viewer", ANALYST: "Analyst", ADMIN: "Admin" };

/** An ISO 3166-1 alpha-3 country code as typed (either case); stored upper-case. */
export const ISO3_CODE = /^[A-Za-z]{3}$/;

// French labels of the same vocabularies (the interface in French, exports with ?lang=fr).
// Terms as French-speaking humanitarian texts use them (OCHA, ACAPS, the seed's French sources).
export const STATUS_LABELS_FR: Record<Status, string> = { OPERATING: "Opérationnelle", RESTRICTED: "Restreinte", EXPELLED: "Expulsée" };
export const CONFIDENCE_LABELS_FR: Record<Confidence, string> = { CONFIRMED: "Confirmé", REPORTED: "Rapporté", DISPUTED: "Contesté" };
export const EVENT_KIND_LABELS_FR: Record<EventKind, string> = {
  ORDER_TO_LEAVE: "Ordre de quitter le pays",
  LICENCE_REVOKED: "Agrément retiré",
  AGREEMENT_TERMINATED: "Accord dénoncé",
  OPERATIONS_SUSPENDED: "Activités suspendues",
  OFFICE_CLOSED: "Bureau fermé",
  WITHDRAWAL_COMPLETED: "Retrait achevé",
  RESTRICTION_IMPOSED: "Restriction imposée",
  RESTRICTION_LIFTED: "Restriction levée",
  READMITTED: "Réadmission",
  ARRIVAL: "Arrivée",
  OTHER: "Autre",
};
export const ORGANISATION_TYPE_LABELS_FR: Record<OrganisationType, string> = {
  INGO: "ONG internationale",
  NATIONAL_NGO: "ONG nationale",
  UN_AGENCY: "Agence des Nations unies",
  RED_CROSS_RED_CRESCENT: "Croix-Rouge / Croissant-Rouge",
  INTERGOVERNMENTAL: "Intergouvernementale",
  GOVERNMENT_MISSION: "Mission gouvernementale ou diplomatique",
  FOREIGN_MILITARY: "Force militaire étrangère",
  OTHER: "Autre",
};
export const ROLE_LABELS_FR: Record<Role, string> = { VIEWER: "Lecteur", ANALYST: "Analyste", ADMIN: "Administrateur" };

/** Every vocabulary's labels in one language. */
export function vocabularyLabels(locale: Locale) {
  return locale === "fr"
    ? {
        status: STATUS_LABELS_FR,
        confidence: CONFIDENCE_LABELS_FR,
        kind: EVENT_KIND_LABELS_FR,
        organisationType: ORGANISATION_TYPE_LABELS_FR,
        role: ROLE_LABELS_FR,
      }
    : { status: STATUS_LABELS, confidence: CONFIDENCE_LABELS, kind: EVENT_KIND_LABELS, organisationType: ORGANISATION_TYPE_LABELS, role: ROLE_LABELS };
}
