// Which server a read goes to when a streaming replica is configured (DATABASE_REPLICA_URL).
//
// The rule: a read goes to the replica only when
// 1. the replica answered the last health poll and is a standby (pg_is_in_recovery());
// 2. it is no further behind than REPLICA_MAX_LAG_SECONDS; and
// 3. it has replayed the reader's own last write: the primary's WAL position recorded just
//    after that write committed (ReadAfterWrite, on the primary), compared with the
//    position the replica had replayed at the poll (which only grows, so a poll a moment
//    old can only send more reads to the primary, never a stale one to the reader).
// Everything else reads the primary: every write and the reads inside it (the conflict
// check), the session and token checks, a reader whose write the replica has not replayed
// yet (the page after a save, on whichever instance), and everyone while the replica is
// down or lagging.

/** A PostgreSQL WAL position ("16/B374D848") as a number, to compare two of them. */
export function parseLsn(lsn: string): bigint {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(lsn);
  if (!match) throw new Error(`Not a WAL position: ${lsn}`);
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

export interface ReplicaStatus {
  /** The last poll reached it and it is a standby. */
  available: boolean;
  /** The WAL position it had replayed at the poll. */
  replayedLsn: string | null;
  /** How far behind it was, in seconds (0 when it had replayed all the primary had written). */
  lagSeconds: number | null;
}

export type ReadServer = "primary" | "replica";

export function chooseReadServer(replica: ReplicaStatus | null, readAfterLsn: string | null | undefined, maxLagSeconds: number): ReadServer {
  if (!replica?.available || replica.replayedLsn === null || replica.lagSeconds === null) return "primary";
  if (replica.lagSeconds > maxLagSeconds) return "primary";
  if (readAfterLsn && parseLsn(replica.replayedLsn) < parseLsn(readAfterLsn)) return "primary";
  return "replica";
}

/**
 * The replica's lag from one poll: none when it had replayed what the primary had written;
 * otherwise the age of the last transaction it replayed (how old what it serves may be).
 */
export function replicaLagSeconds(primaryLsn: string, replayedLsn: string, secondsSinceLastReplay: number | null): number {
  if (parseLsn(replayedLsn) >= parseLsn(primaryLsn)) return 0;
  return Math.max(0, secondsSinceLastReplay ?? Number.POSITIVE_INFINITY);
}

/**
 * Errors of a read on the replica after which the same read runs again on the primary: the
 * replica went away (connection refused or cut, shutting down), or a hot standby cancelled
 * the query because it conflicted with replay. Anything else (a bad query) is no reason to.
 */
export function isReplicaFailure(error: unknown): boolean {
  const { code, message = "" } = (error ?? {}) as { code?: unknown; message?: string };
  if (typeof code === "string" && /^(08...|57P0[1-3])$/.test(code)) return true;
  if (code === "40001" && /conflict with recovery/i.test(message)) return true;
  if (typeof code === "string" && ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE"].includes(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect/i.test(message);
}
