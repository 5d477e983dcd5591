// The tables' column headers in French (the English ones are the columns' own labels,
// columns.ts): the tables on a French page and exports with ?lang=fr. HXL tags and column
// ids do not change with the language. A unit test checks that every column has one.
import type { Locale } from "../locales";
import { TABLE_COLUMNS, type TableName } from "./columns";

export const COLUMN_LABELS_FR: { [T in TableName]: Record<string, string> } = {
  presences: {
    id: "Identifiant de la présence",
    organisation: "Organisation",
    acronym: "Sigle",
    type: "Type",
    iatiId: "Identifiant IATI",
    country: "Pays",
    iso3: "ISO3",
    region: "Région",
    status: "Statut",
    since: "Depuis",
    sincePrecision: "Depuis (précision)",
    peopleAffected: "Personnes touchées",
    disputed: "Contesté",
    areas: "Présente dans (zones)",
    areaCodes: "Codes des zones",
    sources: "Sources",
    sourceUrls: "URL des sources",
  },
  events: {
    id: "Identifiant de l'événement",
    occurredOn: "Date",
    datePrecision: "Précision de la date",
    country: "Pays",
    iso3: "ISO3",
    region: "Région",
    organisation: "Organisation",
    type: "Type",
    iatiId: "Identifiant IATI",
    kind: "Événement",
    category: "Contrainte d'accès",
    pillar: "Pilier",
    subtype: "Sous-type",
    areas: "Zones",
    areaCodes: "Codes des zones",
    concerns: "Concerne",
    parentEventId: "Partie de la contrainte",
    status: "Statut qui en résulte",
    confidence: "Fiabilité",
    peopleAffected: "Personnes touchées",
    summary: "Résumé",
    sources: "Sources",
    sourceUrls: "URL des sources",
  },
  organisations: {
    id: "Identifiant de l'organisation",
    name: "Nom",
    acronym: "Sigle",
    type: "Type",
    iatiId: "Identifiant IATI",
    website: "Site web",
    countries: "Pays",
    operating: "Opérationnelle dans",
    restricted: "Restreinte dans",
    expelled: "Expulsée de",
  },
  audit: {
    id: "Identifiant de l'entrée",
    createdAt: "Quand (UTC)",
    actor: "Qui",
    action: "Action",
    entityType: "Objet",
    entityId: "Identifiant de l'objet",
    changes: "Modifications",
    before: "Avant (JSON)",
    after: "Après (JSON)",
  },
};

/** A column's header in a language. */
export function columnLabel(table: TableName, id: string, locale: Locale): string {
  const english = TABLE_COLUMNS[table].find((column) => column.id === id)?.label ?? id;
  return locale === "fr" ? (COLUMN_LABELS_FR[table][id] ?? english) : english;
}
