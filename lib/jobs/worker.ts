import "server-only";
// The job queue (graphile-worker, on the app's own PostgreSQL): every app instance runs a
// worker, and the queue hands each job to exactly one of them. It carries the webhook
// deliveries. The fan-out runs when a change queues it (a trigger, in the change's own
// transaction), when the worker starts (changes committed while no worker ran) and every
// minute (a safety net).
import { Logger, run, type Runner, type TaskList } from "graphile-worker";
import { deliver, DELIVER_TASK, DISPATCH_TASK, dispatchChanges, queueJob, type WebhookSettings } from "./webhooks";

// The queue's own messages: errors and warnings only (it logs every job at "info").
const logger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[jobs] ${message}`);
});

export interface WorkerOptions extends WebhookSettings {
  connectionString: string;
  /** How often the worker looks for jobs when no notification came (it also LISTENs). */
  pollIntervalMs?: number;
}

export function taskList(settings: WebhookSettings): TaskList {
  return {
    [DISPATCH_TASK]: async (_payload, helpers) => {
      await helpers.withPgClient((client) => dispatchChanges(client));
    },
    [DELIVER_TASK]: async (payload, helpers) => {
      const { deliveryId } = payload as { deliveryId: number };
      await helpers.withPgClient((client) => deliver(client, deliveryId, settings));
    },
  };
}

export async function startWorker({ connectionString, pollIntervalMs = 2000, ...settings }: WorkerOptions): Promise<Runner> {
  const runner = await run({
    connectionString,
    concurrency: 2,
    maxPoolSize: 4,
    pollInterval: pollIntervalMs,
    noHandleSignals: true,
    logger,
    taskList: taskList(settings),
    crontab: `* * * * * ${DISPATCH_TASK} ?jobKey=${DISPATCH_TASK}`,
  });
  await runner.addJob(DISPATCH_TASK, {}, { jobKey: DISPATCH_TASK });
  return runner;
}

let started: Promise<Runner> | null = null;

/** The app's worker, started once per process (instrumentation.ts), stopped with the process. */
export function startAppWorker(env: { DATABASE_URL: string; WEBHOOK_ALLOW_LOCAL: boolean; WEBHOOK_RETRY_BASE_MS: number }): Promise<Runner> {
  started ??= startWorker({ connectionString: env.DATABASE_URL, allowLocal: env.WEBHOOK_ALLOW_LOCAL, retryBaseMs: env.WEBHOOK_RETRY_BASE_MS }).then(
    (runner) => {
      // A graceful stop releases the jobs this worker holds, so another instance (or this one
      // after a restart) takes them at once rather than after the queue's lock timeout.
      for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void runner.stop());
      return runner;
    },
  );
  return started;
}

export { queueJob };
