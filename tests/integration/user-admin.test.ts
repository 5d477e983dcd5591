// User administration: roles, disabling, password resets; sessions revoked; the last admin kept.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { checkCredentials } from "@/lib/auth/credentials";
import { adminCreateUser, changeRole, resetPassword, setDisabled } from "@/lib/data/user-admin";
import { seedUser, unique } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";
import { ForbiddenError, RuleError } from "@/lib/domain/errors";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let admin: Actor;
let analyst: Actor;

/** Signs the user in (a real session row), returning the session id. */
const signIn = async (email: string, password: string) => {
  const result = await checkCredentials(prisma, { email, password, clientAddress: "203.0.113.9" });
  if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
  return result.user.sessionId;
};
const isOpen = async (sessionId: string) => (await prisma.userSession.findUniqueOrThrow({ where: { id: sessionId } })).endedAt === null;

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
  analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
});
afterAll(() => restore());

describe("user administration", () => {
  it("creates a user with a role and an argon2id hash, audited with who did it", async () => {
    const email = `${unique("new")}@example.test`;
    const user = await adminCreateUser(admin, { name: "Amina Diallo", email, role: "ANALYST", password: "a long enough passphrase" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      role: "ANALYST",
      passwordHash: expect.stringMatching(/^\$argon2id\$/),
    });
    expect(await prisma.auditEntry.findFirst({ where: { action: "user.create", entityId: String(user.id) } })).toMatchObject({ actorId: admin.id });
    await expect(adminCreateUser(admin, { name: "Short", email: `${unique("s")}@example.test`, role: "VIEWER", password: "short" })).rejects.toThrow();
  });

  it("changes a role, disables and resets passwords, each ending the user's sessions", async () => {
    const { user, password } = await seedUser(prisma, { role: "VIEWER" });
    const first = await signIn(user.email, password);
    await changeRole(admin, { userId: user.id, role: "ANALYST" });
    expect(await isOpen(first)).toBe(false);
    const second = await signIn(user.email, password);
    await resetPassword(admin, { userId: user.id, password: "another long passphrase" });
    expect(await isOpen(second)).toBe(false);
    expect(await checkCredentials(prisma, { email: user.email, password: password, clientAddress: "203.0.113.9" })).toMatchObject({ ok: false });
    // The reset password signs in once, and must then be replaced.
    expect(await checkCredentials(prisma, { email: user.email, password: "another long passphrase", clientAddress: "203.0.113.9" })).toMatchObject({
      ok: true,
      user: { mustChangePassword: true },
    });
    const third = await signIn(user.email, "another long passphrase");
    await setDisabled(admin, { userId: user.id, disabled: true });
    expect(await isOpen(third)).toBe(false);
    expect(await checkCredentials(prisma, { email: user.email, password: "another long passphrase", clientAddress: "203.0.113.9" })).toMatchObject({
      ok: false,
    });
    const audit = await prisma.auditEntry.findMany({
      where: { entityType: "User", entityId: String(user.id), action: { startsWith: "user." } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["user.changeRole", "user.resetPassword", "user.disable"]);
    expect(JSON.stringify(audit)).not.toContain("another long passphrase");
  });

  it("never demotes or disables the last active admin, even when two admins try at once", async () => {
    await expect(changeRole(admin, { userId: admin.id, role: "VIEWER" })).rejects.toBeInstanceOf(RuleError);
    await expect(setDisabled(admin, { userId: admin.id, disabled: true })).rejects.toBeInstanceOf(RuleError);
    const second = (await seedUser(prisma, { role: "ADMIN" })).actor;
    const results = await Promise.allSettled([
      changeRole(admin, { userId: second.id, role: "ANALYST" }),
      changeRole(second, { userId: admin.id, role: "ANALYST" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.user.count({ where: { role: "ADMIN", disabledAt: null } })).toBe(1);
  });

  it("refuses non-admins", async () => {
    await expect(changeRole(analyst, { userId: analyst.id, role: "ADMIN" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(adminCreateUser(analyst, { name: "X", email: "x@example.test", role: "ADMIN", password: "a long enough passphrase" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});
