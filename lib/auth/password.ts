// Password hashing with argon2id at OWASP's minimum cost (19 MiB, 2 passes, 1 lane).
import commonPasswords from "fxa-common-password-list";
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";
import { textProblem } from "@/lib/domain/text";

export const PASSWORD_MIN_LENGTH = 12;
/** Long passphrases are welcome; the cap only bounds hashing work. Never truncated. */
export const PASSWORD_MAX_LENGTH = 256;

// 2 = Argon2id (the package exports the Algorithm enum as an ambient const enum).
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

/** A hash of a random string, verified against when the email is unknown, so that both
 *  cases take the same time and an attacker cannot tell which emails exist. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
  return decoyHash;
}

export function passwordProblem(password: string): string | null {
  // Any character a keyboard or a password manager can type; not broken or control characters.
  if (textProblem(password)) return "The password contains characters that cannot be typed (control or broken characters).";
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  // No composition rules (NIST SP 800-63B), but no password attackers try first: the list
  // Firefox Accounts uses, shipped with the app (nothing is fetched).
  if (commonPasswords.test(password) || commonPasswords.test(password.toLowerCase())) {
    return "This password is on a list of commonly used passwords. Choose another, e.g. a few unrelated words.";
  }
  return null;
}

/** A password someone chooses (or an admin sets), as a schema field: the one password rule. */
export const newPasswordField = (required = "Enter a password.") =>
  z.string({ error: required }).superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
