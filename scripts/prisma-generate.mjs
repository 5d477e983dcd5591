// Runs `prisma generate` on an offline machine.
// Every Prisma CLI command first tries to download the native schema engine from Prisma's
// binary host, which these machines cannot reach. `generate` never uses that engine, so
// when the real binary is absent we point PRISMA_SCHEMA_ENGINE_BINARY at a harmless
// executable to skip the download. Where the real engine is installed, nothing is changed.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const enginesDir = path.join(root, "node_modules", "@prisma", "engines");
const hasNativeEngine = existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith("schema-engine"));

const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!hasNativeEngine && !env.PRISMA_SCHEMA_ENGINE_BINARY) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath; // any executable: it is never run by generate
}

const result = spawnSync(process.execPath, [path.join(root, "node_modules", "prisma", "build", "index.js"), "generate"], { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 1);
