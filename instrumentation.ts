// Runs once when the server starts: a bad environment stops it with a readable message; then
// the job worker starts (webhook deliveries), unless JOBS=off.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getEnv } = await import("./lib/env");
    const env = getEnv();
    if (env.JOBS === "on") {
      const { startAppWorker } = await import("./lib/jobs/worker");
      // The app serves pages without the worker: a failure to start it is logged, not fatal.
      startAppWorker(env).catch((error: unknown) => console.error("[jobs] The job worker did not start:", error instanceof Error ? error.message : error));
    }
  }
}
