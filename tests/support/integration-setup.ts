import { inject } from "vitest";

// The data layer reads DATABASE_URL through lib/env: point it at the shared test database.
process.env.DATABASE_URL = inject("databaseUrl");
// The shipped request budgets, unless a file that is not about them raises them.
process.env.RATE_LIMIT_MULTIPLIER = "1";
