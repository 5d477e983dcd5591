import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("uses argon2id with 19 MiB, 2 passes and 1 lane", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("verifies the right password only", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery stapl")).toBe(false);
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });

  it("does not truncate long passphrases", async () => {
    const long = "a".repeat(100);
    const hash = await hashPassword(long);
    expect(await verifyPassword(hash, `${"a".repeat(99)}b`)).toBe(false);
    expect(await verifyPassword(hash, long)).toBe(true);
  });

  it("asks for 12+ characters and no composition rules", () => {
    expect(passwordProblem("short")).toMatch(/at least 12/);
    expect(passwordProblem("alllowercaseletters")).toBeNull();
  });

  it("refuses passwords from the shipped list of common ones, whatever their case", () => {
    for (const common of ["passwordpassword", "qwertyuiop123", "1234567890123", "PasswordPassword"]) {
      expect(passwordProblem(common), common).toMatch(/commonly used/);
    }
    expect(passwordProblem("violet kettle harbour 42")).toBeNull();
  });
});
