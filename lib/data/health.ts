// Health needs no user: it says only whether the database answers, never any data.
import { db } from "@/lib/db";

export type Health = { ok: true; database: "reachable" } | { ok: false; database: "unreachable"; message: string };

export async function checkHealth(timeoutMs = 3_000): Promise<Health> {
  try {
    const query = db().$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`;
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs).unref?.());
    const rows = await Promise.race([query, timeout]);
    if (rows[0]?.ok === 1) return { ok: true, database: "reachable" };
  } catch {
    // fall through: the reason (host, credentials) is for the logs, not for the caller
  }
  return { ok: false, database: "unreachable", message: "The database is not reachable. The app will recover when it is back." };
}
