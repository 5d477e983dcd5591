import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkCredentials } from "@/lib/auth/credentials";
import { THROTTLE_RULES } from "@/lib/domain/throttle";
import { seedUser, unique } from "../support/factories";

let lastOctets = 0;
/** A client address no other test uses. */
const address = () => {
  lastOctets += 1;
  return `10.${process.pid % 250}.${Math.floor(lastOctets / 250)}.${lastOctets % 250}`;
};
const seconds = (from: Date, n: number) => new Date(from.getTime() + n * 1000);
const attempt = (email: string, password: string, clientAddress: string | null, at?: Date) => checkCredentials(db(), { email, password, clientAddress }, at);

/**
 * Median durations of two operations, measured in turns (a, b, a, b, …) so that load from
 * other test files running meanwhile slows both alike. Seven turns keep the account under
 * the throttle's ten free failures.
 */
async function medianMsInTurns(a: () => Promise<unknown>, b: () => Promise<unknown>, times = 7): Promise<[number, number]> {
  const durations: [number[], number[]] = [[], []];
  for (let i = 0; i < times; i += 1) {
    for (const [index, run] of [a, b].entries()) {
      const started = performance.now();
      await run();
      durations[index]!.push(performance.now() - started);
    }
  }
  const median = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(times / 2)]!;
  return [median(durations[0]), median(durations[1])];
}

describe("checkCredentials", () => {
  it("signs in with the right password, case-insensitive email", async () => {
    const { user, password } = await seedUser(db(), { role: "ANALYST" });
    const result = await attempt(` ${user.email.toUpperCase()} `, password, address());
    expect(result).toEqual({ ok: true, user: expect.objectContaining({ id: user.id, role: "ANALYST" }) });
  });

  it("gives the same answer, in about the same time, for an unknown email and a wrong password", async () => {
    const { user } = await seedUser(db());
    const wrong = await attempt(user.email, "not-the-password", address());
    const unknown = await attempt(`${unique("nobody")}@example.test`, "whatever-it-is", address());
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
    // Both verify an argon2id hash (a decoy for the unknown email); without the decoy the
    // unknown email would answer in a few milliseconds instead of tens.
    const [wrongMs, unknownMs] = await medianMsInTurns(
      () => attempt(user.email, "not-the-password", address()),
      () => attempt(`${unique("nobody")}@example.test`, "not-the-password", address()),
    );
    const measured = `wrong password ${wrongMs.toFixed(1)} ms, unknown email ${unknownMs.toFixed(1)} ms`;
    expect(unknownMs / wrongMs, measured).toBeGreaterThan(0.5);
    expect(unknownMs / wrongMs, measured).toBeLessThan(2);
  });

  it("refuses a disabled user even with the right password", async () => {
    const { user, password } = await seedUser(db(), { disabled: true });
    expect(await attempt(user.email, password, address())).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks one client out of one account after a few failures, then releases it", async () => {
    const { user, password } = await seedUser(db());
    const guesser = address();
    const start = new Date();
    for (let i = 0; i < THROTTLE_RULES.pair.freeFailures; i += 1) await attempt(user.email, "wrong-password!", guesser, start);

    // Even the right password is refused from that client while it is locked…
    const locked = await attempt(user.email, password, guesser, start);
    expect(locked).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: THROTTLE_RULES.pair.baseLockSeconds });
    // …while the real user, elsewhere, signs in.
    expect(await attempt(user.email, password, address(), start)).toMatchObject({ ok: true });
    // The lock ends by itself.
    expect(await attempt(user.email, password, guesser, seconds(start, THROTTLE_RULES.pair.baseLockSeconds + 1))).toMatchObject({ ok: true });
  });

  it("slows guessing of one account from many clients, but never locks its user out for more than a minute", async () => {
    const { user, password } = await seedUser(db());
    const start = new Date();
    for (let i = 0; i < THROTTLE_RULES.account.freeFailures + 10; i += 1) {
      await attempt(user.email, "wrong-password!", address(), seconds(start, i));
    }
    const last = seconds(start, THROTTLE_RULES.account.freeFailures + 9);
    const locked = await attempt(user.email, password, address(), last);
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    if (!locked.ok) expect(locked.retryAfterSeconds).toBeLessThanOrEqual(THROTTLE_RULES.account.maxLockSeconds);
    expect(await attempt(user.email, password, address(), seconds(last, THROTTLE_RULES.account.maxLockSeconds + 1))).toMatchObject({ ok: true });
    // A success clears the account's counter.
    expect(await db().loginThrottle.count({ where: { key: `email:${user.email}` } })).toBe(0);
  });

  it("locks a client that tries many accounts, and only that client", async () => {
    const sprayer = address();
    const now = new Date();
    for (let i = 0; i < THROTTLE_RULES.client.freeFailures; i += 1) {
      await attempt(`${unique("guess")}@example.test`, "guess-password", sprayer, now);
    }
    const { user, password } = await seedUser(db());
    expect(await attempt(user.email, password, sprayer, now)).toMatchObject({ reason: "throttled" });
    expect(await attempt(user.email, password, address(), now)).toMatchObject({ ok: true });
  });

  it("evaluates at most the free failures of 40 parallel guesses from one client", async () => {
    const { user, password } = await seedUser(db());
    const guesser = address();
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 40 }, () => attempt(user.email, "wrong-password!", guesser, now)));
    // Every attempt is counted before its password is checked, so parallel guesses see each other.
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(THROTTLE_RULES.pair.freeFailures);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(40 - THROTTLE_RULES.pair.freeFailures);
    const evaluated = await db().auditEntry.count({ where: { action: "auth.signInFailed", entityId: String(user.id) } });
    expect(evaluated).toBe(THROTTLE_RULES.pair.freeFailures);
    expect(await attempt(user.email, password, guesser, now)).toMatchObject({ reason: "throttled" });
  });

  it("evaluates at most the account's free failures when every guess comes from another address", async () => {
    const { user, password } = await seedUser(db());
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 60 }, () => attempt(user.email, "wrong-password!", address(), now)));
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(THROTTLE_RULES.account.freeFailures);
    // …and the right password, guessed next from yet another address, is not let through.
    expect(await attempt(user.email, password, address(), now)).toMatchObject({ reason: "throttled" });
    // The account's lock is short (a minute at most), so its user is not shut out for long.
    expect(await attempt(user.email, password, address(), seconds(now, THROTTLE_RULES.account.maxLockSeconds + 1))).toMatchObject({ ok: true });
  });

  it("records sign-ins, failures and lockouts with the client address, never the password", async () => {
    const { user, password } = await seedUser(db());
    const client = address();
    const now = new Date();
    for (let i = 0; i < THROTTLE_RULES.pair.freeFailures; i += 1) await attempt(user.email, "wrong-password!", client, now);
    await attempt(user.email, password, address(), now);
    await attempt(`${unique("nobody")}@example.test`, "some-password!", client, now);
    const entries = await db().auditEntry.findMany({
      where: { action: { startsWith: "auth." }, OR: [{ entityId: String(user.id) }, { after: { path: ["clientAddress"], equals: client } }] },
      orderBy: { id: "asc" },
    });
    expect(entries.map((e) => e.action)).toEqual([
      ...Array(THROTTLE_RULES.pair.freeFailures).fill("auth.signInFailed"),
      "auth.lockout",
      "auth.signIn",
      "auth.signInFailed",
    ]);
    const lockout = entries.find((e) => e.action === "auth.lockout")!;
    expect(lockout.after).toMatchObject({ email: user.email, clientAddress: client, counter: "pair", failures: THROTTLE_RULES.pair.freeFailures });
    // An email that matches no account is not written down: it may be a password typed in the wrong field.
    expect(entries.at(-1)!.after).toEqual({ unknownAccount: true, clientAddress: client });
    expect(JSON.stringify(entries)).not.toContain("wrong-password!");
    expect(JSON.stringify(entries)).not.toContain(password);
  });

  it("forgets old failures after an hour without any", async () => {
    const { user, password } = await seedUser(db());
    const guesser = address();
    const start = new Date();
    for (let i = 0; i < THROTTLE_RULES.pair.freeFailures - 1; i += 1) await attempt(user.email, "wrong-password!", guesser, start);
    const later = seconds(start, 61 * 60);
    await attempt(user.email, "wrong-password!", guesser, later); // counts as the first again
    expect(await attempt(user.email, password, guesser, later)).toMatchObject({ ok: true });
  });
});
