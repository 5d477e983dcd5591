import "server-only";
// Reads that never repeat work: an answer computed once per data version (migration
// data_version: a number every committed write moves on in its own transaction) and kept
// in this instance's memory, keyed by the version, the view, the reader's role and
// language. The version is read from PostgreSQL on every request, from the server the
// reader reads (primary or replica, lib/data/read-routing.ts), so no instance ever answers
// from before a write it could see, whichever instance wrote. Nothing personal goes in.
import type { Actor } from "@/lib/domain/actor";
import { getEnv } from "@/lib/env";
import { SizedLru } from "@/lib/domain/sized-lru";
import { ON_PRIMARY, readQuery, readServer } from "./read-routing";

const store = globalThis as unknown as { readCache?: SizedLru<string> };
const cache = () => (store.readCache ??= new SizedLru<string>(getEnv().READ_CACHE_MB * 1024 * 1024, (text) => text.length));

/**
 * The actor whose reads go where its data version is read: when that is the primary, every
 * read of the answer goes there too (a replica may not have reached that version).
 */
export function versionReader(actor: Actor): Actor {
  return readServer(actor) === "primary" ? { ...actor, readAfterLsn: ON_PRIMARY } : actor;
}

/** The data version on the server this reader's reads go to. */
export async function dataVersion(reader: Actor): Promise<string> {
  const { rows } = await readQuery<{ version: string }>(reader, { text: `SELECT version::text AS version FROM "DataVersion" WHERE id = 1` });
  return rows[0]?.version ?? "none";
}

/**
 * The answer for this view, from the cache when this data version's is there; otherwise
 * computed by `compute` (with the actor it is given) and kept. The version is read on the
 * server the reads go to, and the answer computed there or on a fresher one (the primary),
 * so that what is kept under a version is never older than that version.
 */
export async function cachedRead(actor: Actor, view: string, compute: (reader: Actor) => Promise<string>, language = "en"): Promise<string> {
  if (getEnv().READ_CACHE_MB === 0) return compute(actor);
  const reader = versionReader(actor);
  const key = `${await dataVersion(reader)}|${actor.role}|${language}|${view}`;
  const kept = cache().get(key);
  if (kept !== undefined) return kept;
  const value = await compute(reader);
  cache().set(key, value);
  return value;
}
