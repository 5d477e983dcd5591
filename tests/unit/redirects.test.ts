import { describe, expect, it } from "vitest";
import { replacementCallback, safeCallbackPath } from "@/lib/domain/redirects";

const ORIGIN = "http://localhost:3000";

describe("the path followed after sign-in", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeCallbackPath("/countries/NER?asOf=2025-01-15#timeline", ORIGIN)).toBe("/countries/NER?asOf=2025-01-15#timeline");
    expect(safeCallbackPath("http://localhost:3000/events", ORIGIN)).toBe("/events");
    expect(safeCallbackPath("presences", ORIGIN)).toBe("/presences");
  });

  it("never leaves the site, however the address is disguised", () => {
    for (const value of [
      "//attacker.example/",
      "/\\attacker.example/",
      "\\\\attacker.example",
      "/\t/attacker.example/",
      "/\n/attacker.example",
      "/.//attacker.example",
      "https://attacker.example/",
      "http://localhost:3001/",
      "javascript:alert(1)",
      "http://a:b",
      "http://localhost:3000//attacker.example",
      "data:text/html,hi",
    ]) {
      expect(safeCallbackPath(value, ORIGIN), JSON.stringify(value)).toBe("/");
    }
  });

  it("goes home when there is nothing to follow", () => {
    expect(safeCallbackPath(null, ORIGIN)).toBe("/");
    expect(safeCallbackPath("", ORIGIN)).toBe("/");
  });
});

describe("callbacks handed to next-auth", () => {
  it("keeps a good one, and replaces one it would fail on or that leaves the site", () => {
    expect(replacementCallback("http://localhost:3000/events", ORIGIN)).toBeNull();
    expect(replacementCallback("/events", ORIGIN)).toBeNull();
    expect(replacementCallback("http://a:b", ORIGIN)).toBe("http://localhost:3000/");
    expect(replacementCallback("https://attacker.example/x", ORIGIN)).toBe("http://localhost:3000/");
  });
});
