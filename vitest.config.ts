import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = [
  { find: "@", replacement: path.resolve(import.meta.dirname) },
  // `server-only` throws outside React Server Components; tests call the data layer directly.
  { find: "server-only", replacement: path.resolve(import.meta.dirname, "tests/support/empty-module.ts") },
  // As in next.config.js: use-intl formats the messages compiled in lib/i18n/messages.ts.
  { find: /^use-intl\/format-message$/, replacement: "use-intl/format-message/format-only" },
];
// use-intl imports its formatter by that name: it must go through Vite (not Node) for the alias to apply.
const server = { deps: { inline: ["use-intl"] } };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", server },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          server,
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/integration-global-setup.ts"],
          setupFiles: ["tests/support/integration-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          server,
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/support/e2e-global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
