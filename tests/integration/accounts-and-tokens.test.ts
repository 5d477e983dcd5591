// Sessions, passwords and API tokens as the security issue asks: signing out ends the
// session on the server, "sign out everywhere" ends them all, a password an admin chose
// works once, tokens expire by default, may be read-only, and end for good when their user
// is disabled or their password reset.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { checkCredentials } from "@/lib/auth/credentials";
import { endSession, openSessionWithUser } from "@/lib/auth/sessions";
import { changeOwnPassword, listOwnSessions, signOutEverywhere } from "@/lib/data/account";
import { actorForApiToken, issueApiToken } from "@/lib/data/api-tokens";
import { adminCreateUser, resetPassword, setDisabled } from "@/lib/data/user-admin";
import { createOrganisation } from "@/lib/data/edits/organisations";
import { GET as listOrganisations, POST as createOrganisationRoute } from "@/app/api/v1/organisations/route";
import { seedUser, unique } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";
import { ForbiddenError, RuleError } from "@/lib/domain/errors";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let admin: Actor;

const address = "198.51.100.20";
async function signIn(email: string, password: string) {
  const result = await checkCredentials(prisma, { email, password, clientAddress: address, userAgent: "Test browser" });
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.user;
}
const asSession = (actor: Actor, sessionId: string): Actor => ({ ...actor, credential: { kind: "session", sessionId } });
const call = (token: string, method: "GET" | "POST", body?: unknown) => {
  const request = new Request("http://localhost/api/v1/organisations", {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return method === "GET" ? listOrganisations(request) : createOrganisationRoute(request, { params: Promise.resolve({}) });
};

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
});
afterAll(() => restore());

describe("sessions", () => {
  it("ends one session on sign-out while the user's other sessions go on", async () => {
    const { user, password } = await seedUser(prisma);
    const laptop = await signIn(user.email, password);
    const phone = await signIn(user.email, password);
    expect(await openSessionWithUser(prisma, laptop.sessionId)).toMatchObject({ userId: user.id, clientAddress: address, userAgent: "Test browser" });
    expect(await endSession(prisma, laptop.sessionId, "signOut")).toBe(user.id);
    // A copy of the laptop's cookie now names a closed session: refused at the next request.
    expect(await openSessionWithUser(prisma, laptop.sessionId)).toBeNull();
    expect(await openSessionWithUser(prisma, phone.sessionId)).not.toBeNull();
    expect(await endSession(prisma, laptop.sessionId, "signOut")).toBeNull();
  });

  it("signs out everywhere: one's own sessions, or anyone's for an admin, audited", async () => {
    const { user, actor, password } = await seedUser(prisma, { role: "ANALYST" });
    const sessions = [await signIn(user.email, password), await signIn(user.email, password)];
    const me = asSession(actor, sessions[0]!.sessionId);
    expect((await listOwnSessions(me)).map((s) => s.current)).toEqual([false, true]);
    expect(await signOutEverywhere(me, {})).toEqual({ ended: 2 });
    for (const s of sessions) expect(await openSessionWithUser(prisma, s.sessionId)).toBeNull();

    const again = await signIn(user.email, password);
    const other = await seedUser(prisma, { role: "VIEWER" });
    await expect(signOutEverywhere(other.actor, { userId: user.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await openSessionWithUser(prisma, again.sessionId)).not.toBeNull();
    expect(await signOutEverywhere(admin, { userId: user.id })).toEqual({ ended: 1 });
    expect(await openSessionWithUser(prisma, again.sessionId)).toBeNull();
    const audit = await prisma.auditEntry.findMany({ where: { action: "auth.signOutEverywhere", entityId: String(user.id) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.actorId, a.after])).toEqual([
      [user.id, { sessionsEnded: 2 }],
      [admin.id, { sessionsEnded: 1 }],
    ]);
  });
});

describe("passwords", () => {
  it("makes a password an admin chose work once: nothing but changing it is allowed", async () => {
    const email = `${unique("new")}@example.test`;
    await adminCreateUser(admin, { name: "Awa Traoré", email, role: "ANALYST", password: "admin chose this one" });
    const signedIn = await signIn(email, "admin chose this one");
    expect(signedIn.mustChangePassword).toBe(true);
    const fresh: Actor = {
      id: signedIn.id,
      email,
      name: signedIn.name,
      role: "ANALYST",
      mustChangePassword: true,
      credential: { kind: "session", sessionId: signedIn.sessionId },
    };
    await expect(createOrganisation(fresh, { name: unique("Blocked NGO"), type: "INGO" })).rejects.toMatchObject({ reason: "passwordChange" });

    await changeOwnPassword(fresh, {
      currentPassword: "admin chose this one",
      newPassword: "my very own passphrase",
      confirmPassword: "my very own passphrase",
    });
    expect(await prisma.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ mustChangePassword: false });
    // The session that changed it goes on; the old password no longer works.
    expect(await openSessionWithUser(prisma, signedIn.sessionId)).not.toBeNull();
    expect(await checkCredentials(prisma, { email, password: "admin chose this one", clientAddress: "198.51.100.21" })).toMatchObject({ ok: false });
    expect(await signIn(email, "my very own passphrase")).toMatchObject({ mustChangePassword: false });
  });

  it("changes one's own password only with the current one, ending the other sessions", async () => {
    const { user, actor, password } = await seedUser(prisma);
    const here = await signIn(user.email, password);
    const elsewhere = await signIn(user.email, password);
    const me = asSession(actor, here.sessionId);
    await expect(
      changeOwnPassword(me, { currentPassword: "not my password", newPassword: "a brand new passphrase", confirmPassword: "a brand new passphrase" }),
    ).rejects.toMatchObject({ field: "currentPassword" });
    await expect(
      changeOwnPassword(me, { currentPassword: password, newPassword: "a brand new passphrase", confirmPassword: "a different one" }),
    ).rejects.toThrow(/differ/);
    await expect(changeOwnPassword(me, { currentPassword: password, newPassword: "passwordpassword", confirmPassword: "passwordpassword" })).rejects.toThrow(
      /common/,
    );
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);

    await changeOwnPassword(me, { currentPassword: password, newPassword: "a brand new passphrase", confirmPassword: "a brand new passphrase" });
    expect(await openSessionWithUser(prisma, here.sessionId)).not.toBeNull();
    expect(await openSessionWithUser(prisma, elsewhere.sessionId)).toBeNull();
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "auth.passwordChange", entityId: String(user.id) } });
    expect(entry.after).toMatchObject({ otherSessionsEnded: 1 });
    expect(JSON.stringify(entry)).not.toContain("a brand new passphrase");
  });

  it("counts wrong current passwords as failed sign-ins, so the form cannot be used to guess", async () => {
    const { user, actor } = await seedUser(prisma);
    const attempts = [];
    for (let i = 0; i < 12; i += 1) {
      attempts.push(
        await changeOwnPassword(actor, {
          currentPassword: `guess number ${i}`,
          newPassword: "a brand new passphrase",
          confirmPassword: "a brand new passphrase",
        }).then(
          () => "changed",
          (error: unknown) => (error instanceof RuleError ? "wrong" : (error as Error).name),
        ),
      );
    }
    expect(attempts.filter((a) => a === "wrong")).toHaveLength(10);
    expect(attempts.slice(10)).toEqual(["RateLimitedError", "RateLimitedError"]);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ passwordHash: user.passwordHash });
  });
});

describe("API tokens", () => {
  it("expire after 90 days unless another term is chosen", async () => {
    const { actor } = await seedUser(prisma);
    const now = new Date("2026-12-02T10:00:00Z");
    expect((await issueApiToken(admin, { name: "default", email: actor.email }, now)).expiresAt).toBe("2027-03-02T10:00:00.000Z");
    expect((await issueApiToken(admin, { name: "a week", email: actor.email, expiresInDays: "7" }, now)).expiresAt).toBe("2026-12-09T10:00:00.000Z");
    await expect(issueApiToken(admin, { name: "forever", email: actor.email, expiresInDays: 100_000 }, now)).rejects.toThrow(/At most 730 days/);
  });

  it("may be read-only: lists and exports work, writes are refused and write nothing", async () => {
    const { actor } = await seedUser(prisma, { role: "ANALYST" });
    const { token } = await issueApiToken(admin, { name: "read only", email: actor.email, readOnly: true });
    expect((await call(token, "GET")).status).toBe(200);
    const name = unique("Read-only NGO");
    const refused = await call(token, "POST", { name, type: "INGO" });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "forbidden", message: expect.stringContaining("read-only") } });
    expect(await prisma.organisation.count({ where: { name } })).toBe(0);
    // The same user's full token may write: the role allows it.
    const full = await issueApiToken(admin, { name: "full", email: actor.email });
    expect((await call(full.token, "POST", { name, type: "INGO" })).status).toBe(201);
  });

  it("end for good when their user is disabled (re-enabling does not revive them) or their password is reset", async () => {
    const first = await seedUser(prisma);
    const disabledToken = (await issueApiToken(admin, { name: "to disable", email: first.actor.email })).token;
    expect(await actorForApiToken(disabledToken)).not.toBeNull();
    await setDisabled(admin, { userId: first.user.id, disabled: true });
    await setDisabled(admin, { userId: first.user.id, disabled: false });
    expect(await actorForApiToken(disabledToken)).toBeNull();
    expect(await prisma.apiToken.findFirstOrThrow({ where: { userId: first.user.id } })).toMatchObject({ revokedReason: "userDisabled" });

    const second = await seedUser(prisma);
    const resetToken = (await issueApiToken(admin, { name: "to reset", email: second.actor.email })).token;
    await resetPassword(admin, { userId: second.user.id, password: "a fresh one-time passphrase" });
    expect(await actorForApiToken(resetToken)).toBeNull();
    expect(await prisma.apiToken.findFirstOrThrow({ where: { userId: second.user.id } })).toMatchObject({ revokedReason: "passwordReset" });
  });
});
