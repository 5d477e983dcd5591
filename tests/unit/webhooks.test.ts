import { describe, expect, it } from "vitest";
import { isForbiddenAddress, retryDelayMs, signatureHeader, webhookSubscriptionSchema } from "@/lib/domain/webhooks";

describe("webhook rules", () => {
  it("sign t.body with HMAC-SHA256 (the vector is openssl's)", () => {
    // printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_test'
    expect(signatureHeader("whsec_test", 1_700_000_000, '{"a":1}')).toBe("t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
  });

  it("refuse loopback, private, link-local and reserved addresses, IPv4 and IPv6", () => {
    for (const address of [
      "127.0.0.1",
      "127.8.9.10",
      "10.0.0.5",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "::1",
      "::",
      "fe80::1",
      "fd12:3456::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
      "not-an-ip",
    ]) {
      expect(isForbiddenAddress(address), address).toBe(true);
    }
    for (const address of ["8.8.8.8", "172.32.0.1", "192.169.0.1", "100.128.0.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"]) {
      expect(isForbiddenAddress(address), address).toBe(false);
    }
  });

  it("wait the base, then twice as long each time, at most a day", () => {
    expect([2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, 30_000))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(40, 30_000)).toBe(86_400_000);
  });

  it("take https addresses only, unless local use is allowed, and known kinds of change", () => {
    const strict = webhookSubscriptionSchema(false);
    expect(strict.safeParse({ url: "https://hooks.example.org/in", events: ["event.published", "event.published"] }).data).toEqual({
      url: "https://hooks.example.org/in",
      events: ["event.published"],
    });
    expect(strict.safeParse({ url: "http://hooks.example.org/in", events: ["event.published"] }).success).toBe(false);
    expect(strict.safeParse({ url: "https://user:pw@hooks.example.org/in", events: ["event.published"] }).success).toBe(false);
    expect(strict.safeParse({ url: "https://hooks.example.org/in", events: [] }).success).toBe(false);
    expect(strict.safeParse({ url: "https://hooks.example.org/in", events: ["event.deleted"] }).success).toBe(false);
    expect(webhookSubscriptionSchema(true).safeParse({ url: "http://127.0.0.1:9/in", events: ["event.published"] }).success).toBe(true);
  });
});
