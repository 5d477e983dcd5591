// A readable account of what an audit entry changed: "status: Operating → Restricted".
// Used by the audit table on screen and in its exports.

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const show = (value: unknown): string => {
  if (value === undefined) return "—";
  if (value === null) return "none";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The fields whose value differs between before and after, in a stable order. */
export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .filter((field) => JSON.stringify(b[field]) !== JSON.stringify(a[field]))
    .map((field) => ({ field, before: show(b[field]), after: show(a[field]) }));
}

export function describeChanges(before: unknown, after: unknown): string {
  return auditChanges(before, after)
    .map((c) => (c.before === "—" ? `${c.field}: ${c.after}` : `${c.field}: ${c.before} → ${c.after}`))
    .join("; ");
}
