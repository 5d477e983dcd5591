// Opaque cursors for the JSON API: the sort key and id of the last row served, bound to
// the sort they were made for (a cursor from another sort would skip or repeat rows).
import { textProblem } from "../text";
import type { TableSort } from "./query";

export interface CursorPosition {
  value: string | number;
  id: number;
}

const signature = (sort: TableSort) => `${sort.column}.${sort.direction}`;

export function encodeCursor(sort: TableSort, position: CursorPosition): string {
  return Buffer.from(JSON.stringify([signature(sort), position.value, position.id])).toString("base64url");
}

/** The position in a cursor, or null when it is malformed or was made for another sort. */
export function decodeCursor(sort: TableSort, cursor: string): CursorPosition | null {
  if (cursor.length > 500) return null;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(decoded) || decoded.length !== 3) return null;
    const [sig, value, id] = decoded as unknown[];
    if (sig !== signature(sort)) return null;
    if (typeof value !== "string" && typeof value !== "number") return null;
    if (typeof value === "string" && (value.length > 300 || textProblem(value))) return null;
    if (typeof id !== "number" || !Number.isInteger(id)) return null;
    return { value, id };
  } catch {
    return null;
  }
}
