// Prisma migrations without Prisma's native schema engine, which cannot be downloaded on
// an offline machine. Prisma publishes the same engine as WebAssembly
// (@prisma/schema-engine-wasm); we drive it through the pg driver adapter. The folder
// layout stays Prisma's standard `prisma/migrations/<timestamp>_<name>/migration.sql`,
// recorded in `_prisma_migrations`, so `prisma migrate deploy` works on the same folder
// wherever the native engine is available.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlQueryable,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const SCHEMA_PATH = path.join(ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");
const NO_FILTER = { externalTables: [], externalEnums: [] };

type EngineModule = typeof import("@prisma/schema-engine-wasm");
let engineModule: Promise<EngineModule> | undefined;

/** Loads the WebAssembly engine once per process (Node cannot `import` a .wasm file). */
let lastPanic = "";

function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    // The engine reports a Rust panic's message through this global before it throws.
    (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = {
      set_message: (message: string) => {
        lastPanic = message;
      },
    };
    const require = createRequire(import.meta.url);
    const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bindings = (await import(bindingsPath)) as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = await readFile(path.join(path.dirname(bindingsPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return engineModule;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
/** Appended to a column's name by the pg client, read and removed by the adapter wrapper. */
const CHAR_MARK = "\u0000pg-char";
const CHARACTER_COLUMN_TYPE = ColumnTypeEnum.Character;
type QueryResultLike = { fields?: { name: string; dataTypeID: number }[] } | undefined;

// When the engine describes a database it reads catalog columns of PostgreSQL's one-byte
// `"char"` type (e.g. pg_constraint.contype), which @prisma/adapter-pg 7.10 does not map
// ("Column type 'char' could not be deserialized"), while the engine wants them typed as
// Character. The pg client reports such columns as text with a mark on the name; the
// adapter wrapper turns marked columns into Character columns. Migration tooling only.
function markCharColumns<R extends QueryResultLike>(result: R): R {
  for (const field of result?.fields ?? []) {
    if (field.dataTypeID === PG_CHAR_OID) {
      field.dataTypeID = PG_TEXT_OID;
      field.name += CHAR_MARK;
    }
  }
  return result;
}

class CharMarkingClient extends pg.Client {
  // pg's query() has many overloads; we only post-process whatever result it yields.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args.at(-1);
    const query = super.query as (...a: unknown[]) => unknown;
    if (typeof last === "function") {
      args[args.length - 1] = (error: Error | null, result: QueryResultLike) => last(error, error ? result : markCharColumns(result));
      return query.apply(this, args);
    }
    const output = query.apply(this, args);
    return output instanceof Promise ? output.then(markCharColumns) : output;
  }
}

function typeMarkedColumnsAsCharacter(result: SqlResultSet): SqlResultSet {
  const columnNames = [...result.columnNames];
  const columnTypes = [...result.columnTypes];
  columnNames.forEach((name, index) => {
    if (name.endsWith(CHAR_MARK)) {
      columnNames[index] = name.slice(0, -CHAR_MARK.length);
      columnTypes[index] = CHARACTER_COLUMN_TYPE;
    }
  });
  return { ...result, columnNames, columnTypes };
}

function withCharacterColumns<T extends SqlQueryable>(queryable: T): T {
  return new Proxy(queryable, {
    get(target, property, receiver) {
      if (property === "queryRaw") {
        return async (query: SqlQuery) => typeMarkedColumnsAsCharacter(await target.queryRaw(query));
      }
      // @prisma/adapter-pg 7.10 runs a script by splitting it at every ";", which breaks the
      // body of a PL/pgSQL function (the change-log triggers). PostgreSQL runs a whole
      // multi-statement script in one simple query, as one implicit transaction, as the native
      // schema engine does.
      if (property === "executeScript") {
        const adapter = target as unknown as { client: pg.Pool | pg.PoolClient; onError(error: unknown): never };
        return async (script: string) => {
          try {
            await adapter.client.query(script);
          } catch (error) {
            adapter.onError(error);
          }
        };
      }
      if (property === "startTransaction") {
        return async (...args: unknown[]) => withCharacterColumns(await (target as unknown as SqlDriverAdapter).startTransaction(...(args as [])));
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function migrationAdapterFactory(pool: pg.Pool) {
  const pgFactory = new PrismaPg(pool);
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: pgFactory.provider,
    adapterName: pgFactory.adapterName,
    connect: async () => withCharacterColumns(await pgFactory.connect()),
    connectToShadowDb: async () => withCharacterColumns(await pgFactory.connectToShadowDb()),
  };
  return bindMigrationAwareSqlAdapterFactory(factory);
}

/** Where the schema and migrations live; tests point these at copies. */
export interface MigrationPaths {
  schema: string;
  migrations: string;
}
const DEFAULT_PATHS: MigrationPaths = { schema: SCHEMA_PATH, migrations: MIGRATIONS_DIR };

async function withEngine<T>(databaseUrl: string, paths: MigrationPaths, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const schema = await readFile(paths.schema, "utf8");
  // Our own pool, so that we can close it: a connection left open keeps Prisma's
  // migration advisory lock and makes the next run wait ten seconds for it.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, Client: CharMarkingClient });
  const adapter = migrationAdapterFactory(pool);
  const engine = await SchemaEngine.new({ datamodels: [[paths.schema, schema]] }, () => {}, adapter);
  try {
    return await run(engine);
  } catch (error) {
    if (lastPanic) throw new Error(`Prisma schema engine panicked: ${lastPanic}`, { cause: error });
    throw error;
  } finally {
    lastPanic = "";
    engine.free();
    await pool.end();
  }
}

export async function readMigrationList(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const names = existsSync(dir)
    ? (await readdir(dir, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => {
        const file = path.join(dir, name, "migration.sql");
        return {
          path: name,
          migrationFile: {
            path: "migration.sql",
            content: existsSync(file) ? { tag: "ok" as const, value: await readFile(file, "utf8") } : { tag: "error" as const, value: `missing ${file}` },
          },
        };
      }),
    ),
  };
}

/** Applies every pending migration; returns the names applied (empty when up to date). */
export async function applyMigrations(databaseUrl: string, paths = DEFAULT_PATHS): Promise<string[]> {
  const migrationsList = await readMigrationList(paths.migrations);
  return withEngine(databaseUrl, paths, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return result.appliedMigrationNames;
  });
}

/**
 * The SQL that would take a database built from the committed migrations to the current
 * schema.prisma. Empty when the migrations are complete. The engine replays the migrations
 * in `shadowDatabaseUrl`, which must be an empty scratch database.
 */
export async function pendingSchemaChanges(shadowDatabaseUrl: string, paths = DEFAULT_PATHS): Promise<string> {
  const migrationsList = await readMigrationList(paths.migrations);
  const schema = await readFile(paths.schema, "utf8");
  return withEngine(shadowDatabaseUrl, paths, async (engine) => {
    const from = migrationsList.migrationDirectories.length > 0 ? { tag: "migrations" as const, ...migrationsList } : { tag: "empty" as const };
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: paths.schema, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return isEmptyScript(result.stdout ?? "") ? "" : (result.stdout ?? "");
  });
}

function isEmptyScript(sql: string): boolean {
  return sql.split("\n").every((line) => line.trim() === "" || line.trim().startsWith("--"));
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql; returns its folder or null. */
export async function createMigration(shadowDatabaseUrl: string, name: string, paths = DEFAULT_PATHS): Promise<string | null> {
  const sql = await pendingSchemaChanges(shadowDatabaseUrl, paths);
  if (!sql) return null;
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_|_$/g, "") || "migration";
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = path.join(paths.migrations, `${stamp}_${slug}`);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "migration.sql"), sql);
  const lockPath = path.join(paths.migrations, "migration_lock.toml");
  if (!existsSync(lockPath)) {
    await writeFile(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return folder;
}
