// `npm test`: unit, integration (real PostgreSQL) and end-to-end (real app in headless
// Chromium) suites, one after the other, then one line "N passed, N failed" for all.
// Without Chromium the e2e suite is skipped with a clear line, without nginx its cluster test,
// without Debian's PostgreSQL its replica test; under CI=true any of these is a failure.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { findChromium } from "./lib/chromium";
import { hasNginx } from "./lib/load-balancer";
import { debianPostgresBin } from "./lib/replicated-postgres";

/** e2e files that need a real component from Debian's packages, which `.ci/run` installs. */
const NEEDS = [
  { file: "tests/e2e/cluster.test.ts", name: "cluster", what: "nginx", present: hasNginx, install: "apt-get install -y nginx-light" },
  {
    file: "tests/e2e/replica.test.ts",
    name: "replica",
    what: "Debian's PostgreSQL",
    present: () => debianPostgresBin() !== null,
    install: "apt-get install -y postgresql",
  },
];

const ROOT = path.resolve(import.meta.dirname, "..");
const RESULTS = path.join(ROOT, "test-results");
const SUITES = ["static", "unit", "integration", "e2e"] as const;
const requested = process.argv.slice(2).filter((arg) => (SUITES as readonly string[]).includes(arg));
const suites = requested.length ? requested : SUITES;
const ci = process.env.CI === "true" || process.env.CI === "1";

let passed = 0;
let failed = 0;
const summary: string[] = [];
mkdirSync(RESULTS, { recursive: true });

/** Type check, lint and formatting, each counted as one check. */
function runStaticChecks() {
  const checks: [string, string[]][] = [
    ["typescript", [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "--noEmit"]],
    ["eslint", [path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js"), ".", "--max-warnings", "0"]],
    ["prettier", [path.join(ROOT, "node_modules", "prettier", "bin", "prettier.cjs"), "--check", "--log-level", "warn", "."]],
  ];
  const results = checks.map(([name, args]) => {
    const run = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
    return { name, ok: run.status === 0 };
  });
  const ok = results.filter((r) => r.ok).length;
  passed += ok;
  failed += results.length - ok;
  const failedNames = results.filter((r) => !r.ok).map((r) => r.name);
  summary.push(`static: ${ok} passed, ${results.length - ok} failed${failedNames.length ? ` (${failedNames.join(", ")})` : ""}`);
}

for (const suite of suites) {
  if (suite === "static") {
    runStaticChecks();
    continue;
  }
  if (suite === "e2e" && !findChromium()) {
    if (ci) {
      failed += 1;
      summary.push("e2e: FAILED: no Chromium found, and under CI=true a missing browser is a failure (apt-get install -y chromium).");
    } else {
      summary.push("e2e: skipped: no Chromium found (install it with `apt-get install chromium`, or set CHROMIUM_PATH).");
    }
    continue;
  }
  // Files whose component is missing are left out with a clear line (under CI=true, a failure, as for Chromium).
  const missing = suite === "e2e" ? NEEDS.filter((need) => !need.present()) : [];
  for (const need of missing) {
    if (ci) {
      failed += 1;
      summary.push(`e2e ${need.name}: FAILED: no ${need.what} found, and under CI=true that is a failure (${need.install}).`);
    } else {
      summary.push(`e2e ${need.name}: skipped: no ${need.what} found (install it with \`${need.install}\`).`);
    }
  }
  const report = path.join(RESULTS, `${suite}.json`);
  rmSync(report, { force: true });
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules", "vitest", "vitest.mjs"),
      "run",
      "--project",
      suite,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
      ...missing.flatMap((need) => ["--exclude", need.file]),
    ],
    { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" } },
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (!existsSync(report)) {
    failed += 1;
    summary.push(`${suite}: FAILED before any test ran (exit code ${run.status}); see the output above.`);
    continue;
  }
  const result = JSON.parse(readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number; numTotalTests: number };
  // A suite whose setup failed reports its tests as not run: count that as a failure.
  const setupFailed = run.status !== 0 && result.numFailedTests === 0 ? 1 : 0;
  passed += result.numPassedTests;
  failed += result.numFailedTests + setupFailed;
  summary.push(`${suite}: ${result.numPassedTests} passed, ${result.numFailedTests + setupFailed} failed (${seconds} s)`);
}

console.log(`\n${summary.join("\n")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
