// The one rule for text that comes in, wherever it comes from (a query string, a form, a
// JSON body): well-formed Unicode, no NUL or other control characters, no bidirectional
// overrides or isolates. Names are stricter: no line breaks or tabs, and no invisible
// zero-width characters, which make "IC\u200BRC" look like "ICRC".
//
// Why each: PostgreSQL refuses NUL in text and lone surrogates in JSON (a 500 before this
// rule); control characters and bidi overrides (U+202A-U+202E, U+2066-U+2069) can make a
// name or a summary display as something else ("Trojan Source").
//
// One exception, for names: the zero-width non-joiner and joiner (U+200C, U+200D) are part
// of how Persian, Arabic and Indic scripts are written ("هلال‌احمر", the Iranian Red
// Crescent), so they are accepted between two letters of such scripts, never next to a
// Latin, Greek or Cyrillic letter, where they could only hide a difference.

import { z } from "zod";

export type TextKind = "name" | "text";

// C0 controls except tab, line feed and carriage return; DEL; C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const LINE_BREAK_OR_TAB = /[\t\n\r\u2028\u2029]/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
// Zero-width space, word joiner, Mongolian vowel separator, byte-order mark / ZWNBSP.
const ZERO_WIDTH = /[\u200B\u2060\u180E\uFEFF]/u;
const JOINER = /[\u200C\u200D]/gu;
const JOINING_LETTER = /[\p{L}\p{M}]/u;
const ALPHABETIC_SCRIPT = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;

function isJoinerAllowed(value: string, index: number): boolean {
  const before = value[index - 1];
  const after = value[index + 1];
  return (
    before !== undefined &&
    after !== undefined &&
    JOINING_LETTER.test(before) &&
    JOINING_LETTER.test(after) &&
    !ALPHABETIC_SCRIPT.test(before) &&
    !ALPHABETIC_SCRIPT.test(after)
  );
}

/** What is wrong with a piece of incoming text, in words a user understands; null when nothing is. */
export function textProblem(value: string, kind: TextKind = "text"): string | null {
  if (!value.isWellFormed()) return "contains a broken character (an unpaired UTF-16 surrogate)";
  if (value.includes("\u0000")) return "contains a NUL character";
  if (CONTROL.test(value)) return "contains invisible control characters";
  if (BIDI_CONTROL.test(value)) return "contains characters that reverse the text direction (bidirectional controls)";
  if (kind === "name") {
    if (LINE_BREAK_OR_TAB.test(value)) return "must be on one line, without tabs";
    if (ZERO_WIDTH.test(value)) return "contains invisible zero-width characters";
    for (const match of value.matchAll(JOINER)) {
      if (!isJoinerAllowed(value, match.index)) return "contains invisible zero-width characters";
    }
  }
  return null;
}

export interface TextIssue {
  /** Where the text is: "name", "sources.0.title", "body" for a bare string. */
  path: string;
  message: string;
}

/**
 * Every string in a parsed JSON value or server-action argument (keys included), checked
 * with the base rule. Field-specific rules (names, lengths) are the schemas' job; this is
 * the net under every entry point, so that no string that breaks the base rule reaches
 * the database, however the schema of a route was written.
 */
export function findTextIssues(value: unknown, path = "", found: TextIssue[] = [], depth = 0): TextIssue[] {
  if (found.length >= 20 || depth > 64) return found;
  const here = path || "body";
  if (typeof value === "string") {
    const problem = textProblem(value);
    if (problem) found.push({ path: here, message: `This text ${problem}.` });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findTextIssues(item, path ? `${path}.${index}` : String(index), found, depth + 1));
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = textProblem(key);
      if (keyProblem) found.push({ path: here, message: `A field name ${keyProblem}.` });
      else findTextIssues(item, path ? `${path}.${key}` : key, found, depth + 1);
    }
  }
  return found;
}

/** A free-text value in a query string (search words, a region, a person): trimmed, bounded, the base rule. */
export const queryText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .superRefine((value, ctx) => {
      const problem = textProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: `This value ${problem}` });
    });
