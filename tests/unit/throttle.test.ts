import { describe, expect, it } from "vitest";
import { clientAddressFrom, lockSecondsAfter, THROTTLE_RULES, throttleKeys } from "@/lib/domain/throttle";

describe("throttle rules", () => {
  it("allows a few failures, then doubles the lock up to the rule's cap", () => {
    const rule = THROTTLE_RULES.pair;
    expect(lockSecondsAfter(rule.freeFailures - 1, rule)).toBe(0);
    expect(lockSecondsAfter(rule.freeFailures, rule)).toBe(15);
    expect(lockSecondsAfter(rule.freeFailures + 1, rule)).toBe(30);
    expect(lockSecondsAfter(1_000_000, rule)).toBe(15 * 60);
  });

  it("never locks an account for more than a minute, whoever trips its counter", () => {
    const rule = THROTTLE_RULES.account;
    expect(lockSecondsAfter(rule.freeFailures, rule)).toBe(15);
    for (const failures of [rule.freeFailures + 2, 50, 10_000]) expect(lockSecondsAfter(failures, rule)).toBe(60);
  });

  it("counts an attempt against the account, the client-account pair and the client", () => {
    expect(throttleKeys(" Ana@Example.org ", "10.0.0.7").map((k) => k.key)).toEqual([
      "email:ana@example.org",
      "pair:10.0.0.7|ana@example.org",
      "ip:10.0.0.7",
    ]);
    expect(throttleKeys("ana@example.org", null).map((k) => k.key)).toEqual(["email:ana@example.org"]);
  });

  it("takes the client address the nearest proxy added, not one the client wrote", () => {
    expect(clientAddressFrom("203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddressFrom("1.2.3.4, 203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddressFrom(" , ", "198.51.100.2")).toBe("198.51.100.2");
    expect(clientAddressFrom(null)).toBeNull();
  });
});
