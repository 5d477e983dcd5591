// The HXL attributes this app adds to the core dictionary's (HXL allows an export to define
// its own): each with what it means, listed in the README and checked by a test, so that a
// new one is a decision, not a typo.
import { CATEGORY_LABELS, type Category } from "./constraint-codes";
/** The attribute of each of ACAPS's nine indicators in an assessment export: #access+num+<attribute>. */
export const INDICATOR_HXL = {
  DENIAL_OF_NEEDS: "denial",
  RESTRICTED_ACCESS_TO_SERVICES: "services",
  IMPEDIMENTS_TO_ENTRY: "entry",
  MOVEMENT_RESTRICTIONS: "movement",
  INTERFERENCE: "interference",
  VIOLENCE_AGAINST_PERSONNEL: "violence",
  INSECURITY_HOSTILITIES: "hostilities",
  EXPLOSIVE_HAZARDS: "explosives",
  PHYSICAL_CONSTRAINTS: "physical",
} as const satisfies Record<Category, string>;

export const CUSTOM_HXL_ATTRIBUTES: Record<string, string> = {
  acronym: "an organisation's short name",
  action: "the audited action",
  actor: "who did it",
  after: "the state after a change",
  before: "the state before a change",
  category: "an ACAPS access indicator",
  changed: "changed since publication (an assessment's evidence)",
  computed: "as the documented rule computes it (an assessment's level)",
  gap: "an information gap (ACAPS's X)",
  override: "an analyst's override of the computed level",
  published: "when it was published",
  version: "the record's version",
  ...Object.fromEntries(
    Object.entries(INDICATOR_HXL).map(([category, attribute]) => [attribute, `the score (0–3, X a gap) of "${CATEGORY_LABELS[category as Category]}"`]),
  ),
  changes: "what changed, field by field",
  concerned: "an organisation a country-level constraint names",
  confidence: "how sure the record is (confirmed, reported, disputed)",
  disputed: "sources disagree",
  entity: "the audited record",
  expelled: "counted with the status expelled",
  logged: "when the audit log recorded it",
  operating: "counted with the status operating",
  parent: "the constraint an event is part of",
  pillar: "the ACAPS pillar of an access indicator",
  precision: "how precise the date is (day, month, year)",
  restricted: "counted with the status restricted",
  subtype: "a finer kind under an access indicator",
};
