// npm run user:create -- --email ana@example.org --name "Ana" --role analyst
// Creates a user in DATABASE_URL. The password is asked for (twice, not echoed) and is
// never taken as an argument, so it stays out of shell history and process lists. When
// standard input is not a terminal, the password is read from its first line.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { createPrismaClient } from "../lib/db";
import { createUser } from "../lib/data/users";
import { DuplicateError } from "@/lib/domain/errors";

function ask(question: string, { hidden = false } = {}): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
    if (hidden && process.stdin.isTTY) {
      // Echo nothing while the password is typed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (text: string) => {
        if (text.startsWith(question)) process.stdout.write(question);
      };
    }
    rl.question(question, (answer) => {
      rl.close();
      if (hidden && process.stdin.isTTY) process.stdout.write("\n");
      resolve(answer);
    });
  });
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" } },
    strict: true,
  });
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: it names the database the user is created in.");

  const email = values.email ?? (await ask("Email: "));
  const name = values.name ?? (await ask("Name: "));
  const role = (values.role ?? (await ask("Role (viewer, analyst, admin): "))).trim().toUpperCase();
  const password = await ask("Password (12+ characters): ", { hidden: true });
  if (process.stdin.isTTY && password !== (await ask("Repeat the password: ", { hidden: true }))) {
    throw new Error("The passwords do not match. Nothing was created.");
  }

  const prisma = createPrismaClient(url, 1);
  try {
    const user = await createUser(prisma, { email, name, role: role as "VIEWER", password });
    console.log(`Created ${user.role.toLowerCase()} ${user.email} (id ${user.id}).`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ZodError) {
    for (const issue of error.issues) console.error(`${issue.path.join(".") || "input"}: ${issue.message}`);
  } else if (error instanceof DuplicateError || error instanceof Error) {
    console.error(error.message);
  }
  console.error("No user was created.");
  process.exit(1);
});
