import { describe, expect, it } from "vitest";
import { isNextBanner } from "../../scripts/lib/next-banner";

describe("npm start's output", () => {
  it("drops Next.js's start-up banner and keeps everything else the server says", () => {
    for (const line of [
      "   ▲ Next.js 16.0.1",
      "   - Local:        http://localhost:3000",
      "   - Network:      http://0.0.0.0:3000",
      " ✓ Starting...",
      " ✓ Ready in 412ms",
      "Running next.config.js took 73ms",
      "",
    ]) {
      expect(isNextBanner(line), line).toBe(true);
    }
    for (const line of [
      "[db] idle connection lost: Connection terminated unexpectedly",
      "[api] unexpected error",
      "Error: listen EADDRINUSE: address already in use :::3000",
    ]) {
      expect(isNextBanner(line), line).toBe(false);
    }
  });
});
