import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkCredentials } from "@/lib/auth/credentials";
import { FREE_FAILURES, MAX_LOCK_SECONDS } from "@/lib/domain/throttle";
import { seedUser, unique } from "../support/factories";

const address = () => `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe("checkCredentials", () => {
  it("signs in with the right password, case-insensitive email", async () => {
    const { user, password } = await seedUser(db(), { role: "ANALYST" });
    const result = await checkCredentials(db(), { email: ` ${user.email.toUpperCase()} `, password, clientAddress: address() });
    expect(result).toEqual({ ok: true, user: expect.objectContaining({ id: user.id, role: "ANALYST" }) });
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const { user } = await seedUser(db());
    const wrong = await checkCredentials(db(), { email: user.email, password: "not-the-password", clientAddress: address() });
    const unknown = await checkCredentials(db(), { email: `${unique("nobody")}@example.test`, password: "whatever-it-is", clientAddress: address() });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it("refuses a disabled user even with the right password", async () => {
    const { user, password } = await seedUser(db(), { disabled: true });
    expect(await checkCredentials(db(), { email: user.email, password, clientAddress: address() })).toEqual({ ok: false, reason: "invalid" });
  });

  it("throttles an account after repeated failures, then releases it", async () => {
    const { user, password } = await seedUser(db());
    const start = new Date();
    for (let i = 0; i < FREE_FAILURES; i += 1) {
      await checkCredentials(db(), { email: user.email, password: "wrong-password!", clientAddress: address() }, start);
    }
    // Even the right password is refused while locked, from any address.
    const locked = await checkCredentials(db(), { email: user.email, password, clientAddress: address() }, start);
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    if (!locked.ok) expect(locked.retryAfterSeconds).toBeGreaterThan(0);

    const later = new Date(start.getTime() + (MAX_LOCK_SECONDS + 1) * 1000);
    expect(await checkCredentials(db(), { email: user.email, password, clientAddress: address() }, later)).toMatchObject({ ok: true });
    // A success clears the account's counter.
    expect(await db().loginThrottle.count({ where: { key: `email:${user.email}` } })).toBe(0);
  });

  it("throttles a client address that tries many accounts", async () => {
    const ip = address();
    const now = new Date();
    for (let i = 0; i < FREE_FAILURES; i += 1) {
      await checkCredentials(db(), { email: `${unique("guess")}@example.test`, password: "guess-password", clientAddress: ip }, now);
    }
    const { user, password } = await seedUser(db());
    expect(await checkCredentials(db(), { email: user.email, password, clientAddress: ip }, now)).toMatchObject({ reason: "throttled" });
    expect(await checkCredentials(db(), { email: user.email, password, clientAddress: address() }, now)).toMatchObject({ ok: true });
  });
});
