// The one place the app reads its environment, validated with zod (as create-t3-app does).
// Parsed lazily, so that `next build` works without a database; the server calls
// getEnv() at start (instrumentation.ts) and fails there with a readable message.
import { z } from "zod";

export const DEFAULT_DEMO_PASSWORD = "monitor-demo-2026";

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "DATABASE_URL is not set. `npm start` sets it for the embedded database." })
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
    /**
     * A streaming replica of DATABASE_URL: pages, tables, exports and API lists read from it,
     * except what must see the reader's own last write (lib/domain/read-routing.ts).
     */
    DATABASE_REPLICA_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_REPLICA_URL must be a postgresql:// URL")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** Memory for answers kept per data version (lib/data/read-cache.ts), per instance; 0: none kept. */
    READ_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(32),
    /** Memory for whole pages kept per data version (lib/page-cache), per instance; 0: none kept. */
    PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
    /** A replica further behind than this serves no reads until it has caught up. */
    REPLICA_MAX_LAG_SECONDS: z.coerce.number().min(0.1).max(3600).default(30),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    /** Largest number of PostgreSQL connections one app process opens. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /** How long a request waits for a free connection before it answers 503. */
    DATABASE_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
    /** Scales every request budget of lib/domain/rate-limits.ts (0: no request limits). */
    RATE_LIMIT_MULTIPLIER: z.coerce.number().min(0).max(1000).default(1),
    /** Exports running at once: per user (across instances), and per app instance (its export pool). */
    EXPORTS_PER_USER: z.coerce.number().int().min(1).max(20).default(2),
    EXPORTS_PER_INSTANCE: z.coerce.number().int().min(1).max(50).default(4),
    /** An export whose client reads nothing for this long is ended (its connection returned). */
    EXPORT_STALL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /** No export runs longer than this. */
    EXPORT_MAX_SECONDS: z.coerce.number().int().min(10).max(86_400).default(1800),
    /** Four eyes: new events are drafts, published only by someone other than their author (and an import committed by someone other than its uploader). */
    REQUIRE_REVIEW: z
      .enum(["true", "false", "1", "0", ""], "REQUIRE_REVIEW is true or false")
      .default("false")
      .transform((v) => v === "true" || v === "1"),
    /** Webhooks may target loopback, private and link-local addresses (tests, local use); never in a real deployment. */
    WEBHOOK_ALLOW_LOCAL: z
      .enum(["true", "false", "1", "0", ""], "WEBHOOK_ALLOW_LOCAL is true or false")
      .default("false")
      .transform((v) => v === "true" || v === "1"),
    /** The first retry of a failed webhook delivery waits this long; each next one twice as long. */
    WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
    /** "off": this instance runs no job worker (webhook deliveries are sent by the others). */
    JOBS: z.enum(["on", "off"], "JOBS is on or off").default("on"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message:
          "AUTH_SECRET is required in production (32+ random characters, e.g. `openssl rand -base64 32`). " +
          "`npm start` generates one for the embedded demo database.",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".") || "env"}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * The secret that signs session cookies. Read on its own (not through getEnv) because the
 * proxy needs it without a database URL. Production refuses to run without one; `npm start`
 * generates and keeps one for the embedded demo.
 */
export function authSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (secret) return secret;
  if (process.env.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET is required in production (32+ random characters).");
  }
  return "development-only-secret-not-for-production-use";
}

/**
 * Whether four eyes are required (REQUIRE_REVIEW, validated with the rest at start). Read on
 * each call, not cached, so that a test can turn it on and off.
 */
export const requireReview = (): boolean => /^(true|1)$/.test(process.env.REQUIRE_REVIEW ?? "");

/** Whether webhooks may reach local and private addresses (WEBHOOK_ALLOW_LOCAL). Read on each call, like requireReview, so that a test can switch it. */
export const webhookAllowLocal = (): boolean => /^(true|1)$/.test(process.env.WEBHOOK_ALLOW_LOCAL ?? "");

/**
 * Where this instance answers itself (the whole-page cache renders the pages it keeps by
 * asking for them), or null when the page cache is off: PAGE_CACHE_MB=0, or no PORT (set by
 * `npm start` for the server it starts).
 */
export function pageCacheSelfUrl(): string | null {
  const port = process.env.PORT ?? "";
  if (!/^\d{1,5}$/.test(port) || process.env.PAGE_CACHE_MB === "0") return null;
  const host = process.env.HOST ?? "127.0.0.1";
  const loopback = host === "" || host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "[::1]" : host.includes(":") ? `[${host}]` : host;
  return `http://${loopback}:${port}`;
}
