import { describe, expect, it } from "vitest";
import { authCookies, servedOverHttps, sessionCookie } from "@/lib/auth/cookies";

describe("sign-in cookies", () => {
  it("are Secure and prefixed when the app is served over HTTPS", () => {
    expect(servedOverHttps({ NEXTAUTH_URL: "https://monitor.example.org" })).toBe(true);
    const cookies = authCookies(true);
    expect(cookies.sessionToken).toEqual({ name: "__Secure-next-auth.session-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } });
    expect(cookies.callbackUrl.name).toBe("__Secure-next-auth.callback-url");
    // __Host-: Secure, Path=/ and no Domain, which the options never set.
    expect(cookies.csrfToken).toEqual({ name: "__Host-next-auth.csrf-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } });
  });

  it("stay HttpOnly and SameSite=Lax on plain http (the local demo), without prefixes browsers would refuse", () => {
    expect(servedOverHttps({ NEXTAUTH_URL: "http://localhost:3000" })).toBe(false);
    expect(servedOverHttps({})).toBe(false);
    expect(sessionCookie(false)).toEqual({ name: "next-auth.session-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: false } });
    expect(authCookies(false).csrfToken.name).toBe("next-auth.csrf-token");
  });
});
