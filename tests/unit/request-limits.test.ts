import { describe, expect, it } from "vitest";
import nextConfig, { REQUEST_BODY_LIMIT_BYTES as CONFIGURED_LIMIT } from "@/next.config.js";
import { createRequire } from "node:module";
import { ALLOWED_METHODS, isAllowedMethod, nestsDeeperThan, REQUEST_BODY_LIMIT_BYTES, urlTextProblem } from "@/lib/security/request-limits";
import { isLoopbackHost, showsDemoAccounts } from "@/lib/domain/demo-users";
import { rateLimitParameters, RATE_LIMIT_RULES, scaledRule } from "@/lib/domain/rate-limits";

describe("what a request may be", () => {
  it("uses one body limit in the proxy and in Next's own settings", () => {
    expect(CONFIGURED_LIMIT).toBe(REQUEST_BODY_LIMIT_BYTES);
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(REQUEST_BODY_LIMIT_BYTES);
    // The proxy's copy of a body must be able to hold more than the limit, to tell a larger body.
    expect(nextConfig.experimental?.proxyClientMaxBodySize).toBeGreaterThan(REQUEST_BODY_LIMIT_BYTES + 64 * 1024);
  });

  it("refuses the same methods before Next.js sees them as the proxy does", () => {
    const preload = createRequire(import.meta.url)("../../scripts/lib/refuse-unsupported-methods.cjs") as { ALLOWED_METHODS: string[] };
    expect(preload.ALLOWED_METHODS).toEqual([...ALLOWED_METHODS]);
  });

  it("knows the methods the app answers", () => {
    for (const method of ["GET", "head", "POST", "PATCH", "DELETE", "OPTIONS", "PUT"]) expect(isAllowedMethod(method)).toBe(true);
    for (const method of ["TRACE", "CONNECT", "PROPFIND", "FOO"]) expect(isAllowedMethod(method)).toBe(false);
  });

  it("measures nesting outside strings, in linear time", () => {
    expect(nestsDeeperThan('[{"a":[1,2,{"b":[]}]}]', 5)).toBe(false);
    expect(nestsDeeperThan('[{"a":[1,2,{"b":[]}]}]', 4)).toBe(true);
    expect(nestsDeeperThan('["[[[[[[[[[[[[", "\\"[[[[["]', 2)).toBe(false);
    expect(nestsDeeperThan("[".repeat(80_000), 32)).toBe(true);
    expect(nestsDeeperThan("[]".repeat(80_000), 32)).toBe(false);
  });

  it("finds broken text in the address, naming the parameter", () => {
    expect(urlTextProblem(new URL("http://x/presences?q=%00"))).toEqual({ param: "q", message: "This value contains a NUL character" });
    expect(urlTextProblem(new URL("http://x/countries/%00"))).toMatchObject({ param: "path" });
    expect(urlTextProblem(new URL("http://x/countries/%E0%A4%A"))).toMatchObject({ param: "path" });
    expect(urlTextProblem(new URL("http://x/audit?actor=a%E2%80%AEb"))).toMatchObject({ param: "actor" });
    expect(urlTextProblem(new URL("http://x/presences?q=M%C3%A9decins&country=NER"))).toBeNull();
  });
});

describe("the demo accounts on the sign-in page", () => {
  it("are listed only for the embedded demo on a loopback address", () => {
    for (const host of ["127.0.0.1", "localhost", "::1", undefined]) expect(showsDemoAccounts("1", host)).toBe(true);
    for (const host of ["0.0.0.0", "192.168.1.10", "::", "access.example.org"]) expect(showsDemoAccounts("1", host)).toBe(false);
    expect(showsDemoAccounts("", "127.0.0.1")).toBe(false);
    expect(isLoopbackHost("127.0.0.2")).toBe(true);
  });
});

describe("request budgets", () => {
  it("turn a burst and a rate into the interval and slack of the cell rate algorithm", () => {
    expect(rateLimitParameters({ burst: 5, perMinute: 5 })).toEqual({ intervalSeconds: 12, toleranceSeconds: 48 });
    expect(rateLimitParameters(RATE_LIMIT_RULES.token)).toEqual({ intervalSeconds: 0.5, toleranceSeconds: 29.5 });
    expect(scaledRule({ burst: 5, perMinute: 5 }, 10)).toEqual({ burst: 50, perMinute: 50 });
    expect(scaledRule({ burst: 5, perMinute: 5 }, 0)).toBeNull();
  });
});
