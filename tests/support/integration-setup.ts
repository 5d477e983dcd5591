import { inject } from "vitest";

// The data layer reads DATABASE_URL through lib/env: point it at the shared test database.
process.env.DATABASE_URL = inject("databaseUrl");
