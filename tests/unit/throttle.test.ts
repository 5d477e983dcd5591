import { describe, expect, it } from "vitest";
import { clientAddressFrom, decideAttempt, FORGET_AFTER_SECONDS, lockSecondsAfter, THROTTLE_RULES, throttleKeys } from "@/lib/domain/throttle";

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
    expect(throttleKeys(" Ana@Example.org ", "10.0.0.7").map((k) => k.key)).toEqual(["email:ana@example.org", "pair:10.0.0.7|ana@example.org", "ip:10.0.0.7"]);
    expect(throttleKeys("ana@example.org", null).map((k) => k.key)).toEqual(["email:ana@example.org"]);
  });

  it("takes the client address the nearest proxy added, not one the client wrote", () => {
    expect(clientAddressFrom("203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddressFrom("1.2.3.4, 203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddressFrom(" , ", "198.51.100.2")).toBe("198.51.100.2");
    expect(clientAddressFrom(null)).toBeNull();
  });
});

describe("deciding an attempt before its password is checked", () => {
  const now = new Date("2026-12-02T12:00:00Z");
  const keys = throttleKeys("ana@example.org", "10.0.0.7");
  const counter = (key: string, failures: number, lastFailedAt = now, lockedUntil: Date | null = null) => ({ key, failures, lastFailedAt, lockedUntil });

  it("counts the attempt as a failure in advance, locking the counter it brings to its free failures", () => {
    const decision = decideAttempt(keys, [counter("pair:10.0.0.7|ana@example.org", THROTTLE_RULES.pair.freeFailures - 1)], now);
    expect(decision.admitted).toBe(true);
    if (!decision.admitted) return;
    expect(decision.counters.map((c) => [c.key, c.failures])).toEqual([
      ["email:ana@example.org", 1],
      ["pair:10.0.0.7|ana@example.org", THROTTLE_RULES.pair.freeFailures],
      ["ip:10.0.0.7", 1],
    ]);
    expect(decision.newlyLocked.map((c) => c.key)).toEqual(["pair:10.0.0.7|ana@example.org"]);
    expect(decision.newlyLocked[0]!.lockedUntil).toEqual(new Date(now.getTime() + 15_000));
  });

  it("refuses while any counter is locked, until the latest lock ends", () => {
    const later = new Date(now.getTime() + 40_000);
    const decision = decideAttempt(
      keys,
      [counter("ip:10.0.0.7", 30, now, new Date(now.getTime() + 10_000)), counter("email:ana@example.org", 12, now, later)],
      now,
    );
    expect(decision).toEqual({ admitted: false, lockedUntil: later });
  });

  it("starts a counter again from zero after an hour without failures", () => {
    const old = new Date(now.getTime() - (FORGET_AFTER_SECONDS + 1) * 1000);
    const decision = decideAttempt(keys, [counter("email:ana@example.org", 9, old, new Date(old.getTime() + 60_000))], now);
    expect(decision.admitted && decision.counters[0]!.failures).toBe(1);
  });
});
