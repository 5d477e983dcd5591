// The HXL attributes this app adds to the core dictionary's (HXL allows an export to define
// its own): each with what it means, listed in the README and checked by a test, so that a
// new one is a decision, not a typo.
export const CUSTOM_HXL_ATTRIBUTES: Record<string, string> = {
  acronym: "an organisation's short name",
  action: "the audited action",
  actor: "who did it",
  after: "the state after a change",
  before: "the state before a change",
  category: "an ACAPS access indicator",
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
