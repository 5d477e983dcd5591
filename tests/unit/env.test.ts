import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const url = "postgresql://u:p@127.0.0.1:5432/db";

describe("parseEnv", () => {
  it("accepts a development environment without AUTH_SECRET", () => {
    expect(parseEnv({ DATABASE_URL: url }).NODE_ENV).toBe("development");
  });

  it("names the missing DATABASE_URL clearly", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL is not set/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/postgresql:\/\//);
  });

  it("requires a long AUTH_SECRET in production", () => {
    expect(() => parseEnv({ DATABASE_URL: url, NODE_ENV: "production" })).toThrow(/AUTH_SECRET is required in production/);
    expect(() => parseEnv({ DATABASE_URL: url, NODE_ENV: "production", AUTH_SECRET: "short" })).toThrow(/at least 32/);
    const secret = "x".repeat(32);
    expect(parseEnv({ DATABASE_URL: url, NODE_ENV: "production", AUTH_SECRET: secret }).AUTH_SECRET).toBe(secret);
  });

  it("bounds the pool size", () => {
    expect(parseEnv({ DATABASE_URL: url, DATABASE_POOL_SIZE: "4" }).DATABASE_POOL_SIZE).toBe(4);
    expect(() => parseEnv({ DATABASE_URL: url, DATABASE_POOL_SIZE: "0" })).toThrow(/DATABASE_POOL_SIZE/);
  });
});
