import { describe, expect, it } from "vitest";
import { findTextIssues, textProblem } from "@/lib/domain/text";
import { organisationSchema, statusChangeSchema } from "@/lib/domain/edit-schemas";
import { parseTableQuery, parseTableQueryStrict } from "@/lib/domain/tables/query";
import { passwordProblem } from "@/lib/auth/password";

describe("the one text rule", () => {
  it("accepts ordinary text in any script, with line breaks in free text", () => {
    for (const value of [
      "Médecins Sans Frontières",
      "Comité international de la Croix-Rouge",
      "الهلال الأحمر",
      "国境なき医師団",
      "Line one\nline two\ttabbed",
      "😀 emoji",
    ]) {
      expect(textProblem(value), value).toBeNull();
    }
  });

  it("refuses broken Unicode, NUL, control characters and bidi controls everywhere", () => {
    expect(textProblem("a\uD800b")).toMatch(/broken character/);
    expect(textProblem("a\uDC00")).toMatch(/broken character/);
    expect(textProblem("a\u0000b")).toMatch(/NUL/);
    expect(textProblem("bell\u0007")).toMatch(/control characters/);
    expect(textProblem("c1\u0085")).toMatch(/control characters/);
    expect(textProblem("del\u007F")).toMatch(/control characters/);
    for (const bidi of ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"]) {
      expect(textProblem(`ICRC${bidi}txt.exe`), `U+${bidi.codePointAt(0)!.toString(16)}`).toMatch(/direction/);
    }
  });

  it("keeps names on one line and free of zero-width characters", () => {
    expect(textProblem("IC\u200BRC", "name")).toMatch(/zero-width/);
    expect(textProblem("IC\u2060RC", "name")).toMatch(/zero-width/);
    expect(textProblem("\uFEFFICRC", "name")).toMatch(/zero-width/);
    expect(textProblem("IC\u200CRC", "name")).toMatch(/zero-width/);
    expect(textProblem("IC\u200DRC", "name")).toMatch(/zero-width/);
    expect(textProblem("two\nlines", "name")).toMatch(/one line/);
    expect(textProblem("tab\there", "name")).toMatch(/one line/);
    // The same characters are fine in free text, where they are ordinary.
    expect(textProblem("IC\u200BRC", "text")).toBeNull();
  });

  it("accepts the joiners where a script needs them (the Iranian Red Crescent's name)", () => {
    expect(textProblem("جمعیت هلال\u200Cاحمر", "name")).toBeNull();
    expect(textProblem("\u200Cاحمر", "name")).toMatch(/zero-width/);
    expect(textProblem("a\u200Cاحمر", "name")).toMatch(/zero-width/);
  });

  it("finds every bad string in a JSON value, keys included, with its path", () => {
    expect(findTextIssues({ name: "ok", sources: [{ title: "x\u0000" }], ["k\u202E"]: 1 })).toEqual([
      { path: "sources.0.title", message: "This text contains a NUL character." },
      { path: "body", message: "A field name contains characters that reverse the text direction (bidirectional controls)." },
    ]);
    expect(findTextIssues("\uD800")).toEqual([{ path: "body", message: "This text contains a broken character (an unpaired UTF-16 surrogate)." }]);
    expect(findTextIssues({ a: 1, b: [true, null, "fine"] })).toEqual([]);
  });
});

describe("the rule in the schemas", () => {
  it("names the field of an organisation or a source that breaks it", () => {
    const org = organisationSchema.safeParse({ name: "IC\u200BRC", type: "INGO" });
    expect(org.success).toBe(false);
    expect(org.error!.issues[0]).toMatchObject({ path: ["name"], message: "Name contains invisible zero-width characters" });
    const change = statusChangeSchema.safeParse({
      status: "EXPELLED",
      kind: "ORDER_TO_LEAVE",
      occurredOn: "2025-01-01",
      datePrecision: "DAY",
      summary: "An order to leave \u202Egiven.",
      confidence: "REPORTED",
      version: 1,
      sources: [{ publisher: "Wire\u0000", title: "T" }],
    });
    expect(change.error!.issues.map((i) => i.path.join("."))).toEqual(["summary", "sources.0.publisher"]);
  });

  it("refuses a NUL in a query: a 400 naming the parameter in the API, ignored on a page", () => {
    const strict = parseTableQueryStrict("presences", new URLSearchParams({ q: "a\u0000" }));
    expect(strict).toEqual({ ok: false, issues: [{ param: "q", message: "This value contains a NUL character" }] });
    const audit = parseTableQueryStrict("audit", new URLSearchParams({ actor: "\u0000" }));
    expect(audit.ok).toBe(false);
    expect(parseTableQuery("presences", { q: "a\u0000", region: "Africa\u0000" }).filters).toEqual({});
  });

  it("refuses passwords that no keyboard types", () => {
    expect(passwordProblem("correct horse\u0000battery")).toMatch(/cannot be typed/);
    expect(passwordProblem("correct horse \uD800 battery")).toMatch(/cannot be typed/);
    expect(passwordProblem("correct horse battery staple ünïcode")).toBeNull();
  });
});
