import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { createFreshDatabase } from "../support/test-database";
import { unique } from "../support/factories";

const ROOT = path.resolve(import.meta.dirname, "../..");

function runCli(args: string[], stdin: string, databaseUrl: string) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/create-user.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.stdin.end(stdin);
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("npm run user:create", () => {
  it("creates a user with the password read from standard input, never from arguments", async () => {
    const url = await createFreshDatabase(inject("serverUrl"));
    const email = `${unique("cli")}@example.test`;
    const { code, output } = await runCli(["--email", email, "--name", "Cli User", "--role", "analyst"], "a passphrase of some length\n", url);
    expect(output).toContain(`Created analyst ${email}`);
    expect(code).toBe(0);
    const prisma = createPrismaClient(url, 1);
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user.role).toBe("ANALYST");
    expect(await verifyPassword(user.passwordHash, "a passphrase of some length")).toBe(true);
    expect(await prisma.auditEntry.count({ where: { action: "user.create", entityId: String(user.id) } })).toBe(1);
    await prisma.$disconnect();
  });

  it("refuses a short password, an unknown role and a duplicate email, creating nothing", async () => {
    const url = await createFreshDatabase(inject("serverUrl"));
    const short = await runCli(["--email", "a@example.test", "--name", "A", "--role", "viewer"], "short\n", url);
    expect(short.code).toBe(1);
    expect(short.output).toMatch(/at least 12 characters/);
    const role = await runCli(["--email", "b@example.test", "--name", "B", "--role", "superuser"], "long enough password\n", url);
    expect(role.code).toBe(1);
    expect(role.output).toMatch(/role/);
    await runCli(["--email", "c@example.test", "--name", "C", "--role", "viewer"], "long enough password\n", url);
    const duplicate = await runCli(["--email", "C@example.test", "--name", "C2", "--role", "admin"], "long enough password\n", url);
    expect(duplicate.code).toBe(1);
    expect(duplicate.output).toMatch(/already exists/);
    const prisma = createPrismaClient(url, 1);
    expect((await prisma.user.findMany()).map((u) => [u.email, u.role])).toEqual([["c@example.test", "VIEWER"]]);
    await prisma.$disconnect();
  });

  it("rejects a password given as an argument", async () => {
    const url = await createFreshDatabase(inject("serverUrl"));
    const result = await runCli(["--email", "d@example.test", "--password", "long enough password"], "", url);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/Unknown option '--password'/);
  });
});
