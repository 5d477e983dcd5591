// npm run bench:load  — mixed signed-in reads (pages, tables, API) against the production
// build on loopback, bounded in time (LOAD_SECONDS, default 20; LOAD_CONNECTIONS, default 10):
// requests per second, latency percentiles, errors.
// npm run bench:load -- --per-route — then each route alone (3 s each), with two floors: the
// health check (no session) and the account page (the signed-in layout, little else).
// npm run bench:soak  — the same mix for SOAK_SECONDS (default 300) at 4 connections, with
// the server's memory at the start, the end and its peak. Prints figures; asserts nothing.
import { startThrowawayApp } from "./lib/app-process";
import { signInCookie } from "./lib/bench-http";
import { rssOf, sampleRss } from "./lib/process-memory";
import { LOAD_MIX, runLoadMix, warmUp } from "./lib/load-mix";

const PASSWORD = "bench-load-password";
const soak = process.argv.includes("--soak");
const perRoute = process.argv.includes("--per-route");
const seconds = Number(soak ? (process.env.SOAK_SECONDS ?? 300) : (process.env.LOAD_SECONDS ?? 20));
const connections = Number(soak ? 4 : (process.env.LOAD_CONNECTIONS ?? 10));
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

async function main() {
  const { base, serverPid, stop } = await startThrowawayApp({ DEMO_PASSWORD: PASSWORD, RATE_LIMIT_MULTIPLIER: "1000" /* speed, not the per-user budgets */ });
  try {
    const server = serverPid();
    const cookies = await Promise.all(["viewer", "analyst", "admin"].map((who) => signInCookie(base, `${who}@example.org`, PASSWORD)));
    // Warm up every route for every user: the first read of a page by each role renders it.
    await warmUp(base, cookies);

    const startRss = rssOf(server);
    const peak = sampleRss(server, 250);
    const result = await runLoadMix(base, cookies, connections, seconds);
    const peakRss = peak.stop();
    const endRss = rssOf(server);
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log(
      `\n${soak ? "Soak" : "Load"}: ${seconds} s, ${connections} connections, signed-in viewer/analyst/admin in turn, seeded demo data, production build, loopback.`,
    );
    console.log(`Mix (${LOAD_MIX.length} routes): ${LOAD_MIX.join("  ")}\n`);
    console.log(`requests          ${result.requests.total.toLocaleString("en-GB")} (${result.requests.average.toFixed(1)} per second)`);
    console.log(
      `latency           p50 ${result.latency.p50} ms   p90 ${result.latency.p90} ms   p97.5 ${result.latency.p97_5} ms   p99 ${result.latency.p99} ms   max ${result.latency.max} ms`,
    );
    console.log(`errors            ${errors} (connection errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})`);
    console.log(`server memory     start ${mb(startRss)}   end ${mb(endRss)}   peak ${mb(peakRss)}`);
    if (perRoute) {
      console.log(`\nEach route alone, 3 s, ${connections} connections:`);
      for (const route of ["/api/health", "/account", ...LOAD_MIX]) {
        const alone = await runLoadMix(base, cookies, connections, 3, [route]);
        const failed = alone.errors + alone.timeouts + alone.non2xx;
        console.log(
          `  ${route.padEnd(52)} ${alone.requests.average.toFixed(0).padStart(5)} req/s   p50 ${String(alone.latency.p50).padStart(4)} ms${failed ? `   ${failed} errors` : ""}`,
        );
      }
    }
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
