import { describe, expect, it } from "vitest";
import { needsRefresh, sessionExpiry, sessionLimits } from "@/lib/auth/session-policy";

const limits = { idleSeconds: 1800, maxAgeSeconds: 43_200 };

describe("session policy", () => {
  it("defaults to 30 minutes idle and 12 hours in all, ignoring bad values", () => {
    expect(sessionLimits({})).toEqual(limits);
    expect(sessionLimits({ SESSION_IDLE_SECONDS: "60", SESSION_MAX_AGE_SECONDS: "3600" })).toEqual({ idleSeconds: 60, maxAgeSeconds: 3600 });
    expect(sessionLimits({ SESSION_IDLE_SECONDS: "-5", SESSION_MAX_AGE_SECONDS: "lots" })).toEqual(limits);
  });

  it("ends a session after the idle time or the absolute lifetime, whichever comes first", () => {
    const signedInAt = 1_000_000;
    expect(sessionExpiry({ signedInAt, lastSeenAt: signedInAt }, signedInAt + 1799, limits)).toBeNull();
    expect(sessionExpiry({ signedInAt, lastSeenAt: signedInAt }, signedInAt + 1800, limits)).toBe("idle");
    expect(sessionExpiry({ signedInAt, lastSeenAt: signedInAt + 43_000 }, signedInAt + 43_200, limits)).toBe("expired");
    expect(sessionExpiry({}, signedInAt, limits)).toBe("expired"); // a token from before these rules
  });

  it("rewrites the activity time at most once a minute", () => {
    const times = { signedInAt: 0, lastSeenAt: 100 };
    expect(needsRefresh(times, 159, limits)).toBe(false);
    expect(needsRefresh(times, 160, limits)).toBe(true);
    expect(needsRefresh(times, 101, { idleSeconds: 4, maxAgeSeconds: 100 })).toBe(true);
  });
});
