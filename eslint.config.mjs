import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypeScript,
  globalIgnores([".next/**", ".data/**", ".scratch/**", "lib/generated/**", "node_modules/**", "test-results/**", "next-env.d.ts"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  // The rooms (README, Architecture): who may import whom.
  {
    files: ["app/**", "components/**", "lib/**", "proxy.ts", "instrumentation.ts"],
    ignores: ["lib/data/**", "lib/auth/**", "lib/db.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/db"], message: "Only lib/data and lib/auth reach the database; call a lib/data function." },
            { group: ["@/app/*"], message: "Nothing imports from app/: put shared code in lib/ or components/." },
            {
              group: ["@/lib/data/projections/*", "@/lib/data/tables/*", "@/lib/data/dashboard-sql", "@/lib/data/view-sql", "@/lib/data/audit"],
              message: "Use lib/data's public functions, not its internals.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/data/**", "lib/auth/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*"], message: "Nothing imports from app/: put shared code in lib/ or components/." }] }],
    },
  },
  {
    files: ["lib/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db", "@/lib/data/*", "@/lib/auth/*", "@/app/*", "@/components/*", "server-only", "next/*", "react"],
              message: "lib/domain is pure rules: no database, framework or UI.",
            },
          ],
        },
      ],
    },
  },
]);
