// npm run bench:overview — server render time of the dashboard pages on the seeded demo
// data, and each page's first-load JavaScript (gzipped). Prints figures; asserts nothing.
// Starts the real app (`scripts/start.ts`) on a throwaway embedded database.
import { startThrowawayApp } from "./lib/app-process";
import { firstLoadJs, percentile, signInCookie } from "./lib/bench-http";

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const PAGES = ["/", "/?asOf=2025-02-10", "/?region=Africa&type=INGO", "/countries/NER", "/organisations/1", "/presences", "/events", "/audit"];
const PASSWORD = "bench-demo-password";

async function main() {
  const { base, stop } = await startThrowawayApp({ DEMO_PASSWORD: PASSWORD, RATE_LIMIT_MULTIPLIER: "1000" /* speed, not the per-user budgets */ });
  try {
    const cookie = await signInCookie(base, "analyst@example.org", PASSWORD);
    console.log(`Seeded demo data, ${RUNS} sequential requests per page after 5 warm-up requests.\n`);
    console.log("page                              p50 ms   p95 ms   max ms   first-load JS (gzip)");
    for (const page of PAGES) {
      let html = "";
      for (let i = 0; i < 5; i += 1) html = await (await fetch(`${base}${page}`, { headers: { cookie } })).text();
      if (!html.includes("Access Monitor")) throw new Error(`${page} did not render`);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const started = performance.now();
        const response = await fetch(`${base}${page}`, { headers: { cookie } });
        await response.text();
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const js = await firstLoadJs(base, html);
      console.log(
        `${page.padEnd(32)} ${percentile(times, 50).toFixed(1).padStart(7)}  ${percentile(times, 95).toFixed(1).padStart(7)}  ${times.at(-1)!.toFixed(1).padStart(7)}   ${(js / 1024).toFixed(1)} kB`,
      );
    }
    console.log("\nTargets: overview server render well under 100 ms on the seeded data; first-load JS under 200 kB gzipped.");
    console.log("First-load JS = the scripts the page's HTML loads; the charts' Recharts chunk loads after it.");
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
