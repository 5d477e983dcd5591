// A PostgreSQL primary with a streaming replica, from Debian's PostgreSQL packages (the
// embedded server ships no pg_basebackup): initdb, a primary with WAL for replication,
// pg_basebackup -R for the standby, which then streams from the primary. For the replica
// test and anyone who wants to try DATABASE_REPLICA_URL on one machine; `npm start` keeps
// the embedded server. As root, both servers run as Debian's `postgres` user.
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { appendFile, chmod, chown, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "./free-port";

const run = promisify(execFile);
const DATABASE = "access_monitor";

/** The bin folder of the newest Debian PostgreSQL with pg_basebackup, or null. */
export function debianPostgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(path.join(root, v, "bin", "pg_basebackup")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

export interface ReplicatedPostgres {
  primaryUrl: string;
  replicaUrl: string;
  /** Stops the replica (fast shutdown), as an outage would. */
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  stop(): Promise<void>;
}

export interface ReplicatedOptions {
  /** recovery_min_apply_delay on the replica: each commit is applied this long after it was made. */
  applyDelayMs?: number;
}

export async function startReplicatedPostgres({ applyDelayMs = 0 }: ReplicatedOptions = {}): Promise<ReplicatedPostgres> {
  const bin = debianPostgresBin();
  if (!bin) throw new Error("Debian's PostgreSQL (pg_basebackup) is not installed: apt-get install postgresql");
  const asRoot = os.userInfo().uid === 0;
  const dir = await mkdtemp(path.join(os.tmpdir(), "access-monitor-replicated-"));
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const primaryDir = path.join(dir, "primary");
  const replicaDir = path.join(dir, "replica");
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
    await chmod(dir, 0o700);
  }
  // PostgreSQL refuses to run as root: as root, every command runs as `postgres`.
  const pgCommand = (name: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", path.join(bin, name), ...args]) : run(path.join(bin, name), args);
  const startServer = (dataDir: string, port: number) =>
    pgCommand("pg_ctl", ["-D", dataDir, "-l", path.join(dir, `${path.basename(dataDir)}.log`), "-w", "-t", "60", "-o", `-p ${port}`, "start"]);
  const stopServer = (dataDir: string) => pgCommand("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "-t", "60", "stop"]);

  await pgCommand("initdb", ["-D", primaryDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions"]);
  // Loopback only, sockets in our own folder; fsync off: a test's data need not survive a power cut.
  await appendFile(
    path.join(primaryDir, "postgresql.conf"),
    [
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      "wal_level = replica",
      "max_wal_senders = 5",
      "hot_standby = on",
      "fsync = off",
      "synchronous_commit = off",
      "full_page_writes = off",
      "",
    ].join("\n"),
  );
  await startServer(primaryDir, primaryPort);
  const primaryUrl = `postgresql://postgres@127.0.0.1:${primaryPort}/${DATABASE}`;
  const admin = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${primaryPort}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();

  // -R writes standby.signal and primary_conninfo: the copy starts as a streaming standby.
  await pgCommand("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-D", replicaDir, "-R", "-X", "stream", "-c", "fast"]);
  await appendFile(path.join(replicaDir, "postgresql.auto.conf"), `recovery_min_apply_delay = '${applyDelayMs}ms'\n`);
  await startServer(replicaDir, replicaPort);
  const replicaUrl = `postgresql://postgres@127.0.0.1:${replicaPort}/${DATABASE}`;

  let replicaRunning = true;
  return {
    primaryUrl,
    replicaUrl,
    async stopReplica() {
      if (!replicaRunning) return;
      await stopServer(replicaDir);
      replicaRunning = false;
    },
    async startReplica() {
      if (replicaRunning) return;
      await startServer(replicaDir, replicaPort);
      replicaRunning = true;
    },
    async stop() {
      if (replicaRunning) await stopServer(replicaDir).catch(() => {});
      await stopServer(primaryDir).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}
