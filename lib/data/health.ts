// Health needs no user: it says only whether the database answers, never any data.
import { db } from "@/lib/db";
import { replicaHealth } from "./read-routing";

/** With DATABASE_REPLICA_URL: whether the replica serves reads, and how far behind this instance last saw it. */
export type ReplicaHealth = { state: "serving" | "behind" | "unreachable"; lagSeconds: number | null };

export type Health =
  { ok: true; database: "reachable"; replica?: ReplicaHealth } | { ok: false; database: "unreachable"; message: string; replica?: ReplicaHealth };

function replicaState(): { replica?: ReplicaHealth } {
  const replica = replicaHealth();
  if (!replica) return {};
  const lagSeconds = replica.lagSeconds === null ? null : Math.round(replica.lagSeconds * 10) / 10;
  return { replica: { state: replica.serving ? "serving" : replica.available ? "behind" : "unreachable", lagSeconds } };
}

export async function checkHealth(timeoutMs = 3_000): Promise<Health> {
  try {
    const query = db().$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`;
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs).unref?.());
    const rows = await Promise.race([query, timeout]);
    if (rows[0]?.ok === 1) return { ok: true, database: "reachable", ...replicaState() };
  } catch {
    // fall through: the reason (host, credentials) is for the logs, not for the caller
  }
  return { ok: false, database: "unreachable", message: "The database is not reachable. The app will recover when it is back.", ...replicaState() };
}
