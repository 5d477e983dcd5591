import "server-only";
// Reads that never repeat work: an answer computed once per data version (migration
// data_version: a number every committed write moves on in its own transaction) and kept
// in this instance's memory, keyed by the version, the view, the reader's role and
// language. The version is read from PostgreSQL on every request, from the server the
// reader reads (primary or replica, lib/data/read-routing.ts), so no instance ever answers
// from before a write it could see, whichever instance wrote. Nothing personal goes in.
import type { Actor } from "@/lib/domain/actor";
import { getEnv } from "@/lib/env";
import { readQuery, readServer } from "./read-routing";

/** Least recently used first out, within a budget of characters. */
class TextCache {
  private entries = new Map<string, string>();
  private size = 0;
  constructor(private readonly budget: number) {}

  get(key: string): string | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: string) {
    if (value.length > this.budget / 4) return; // one answer never takes most of the budget
    const old = this.entries.get(key);
    if (old !== undefined) this.size -= old.length;
    this.entries.delete(key);
    this.entries.set(key, value);
    this.size += value.length;
    for (const [oldest, text] of this.entries) {
      if (this.size <= this.budget) break;
      this.entries.delete(oldest);
      this.size -= text.length;
    }
  }
}

const store = globalThis as unknown as { readCache?: TextCache };
const cache = () => (store.readCache ??= new TextCache(getEnv().READ_CACHE_MB * 1024 * 1024));

/** A WAL position no server reaches: reads by this actor stay on the primary. */
const ON_PRIMARY = "FFFFFFFF/FFFFFFFF";

/**
 * The answer for this view, from the cache when this data version's is there; otherwise
 * computed by `compute` (with the actor it is given) and kept. The version is read on the
 * server the reads go to, and the answer computed there or on a fresher one (the primary),
 * so that what is kept under a version is never older than that version.
 */
export async function cachedRead(actor: Actor, view: string, compute: (reader: Actor) => Promise<string>, language = "en"): Promise<string> {
  if (getEnv().READ_CACHE_MB === 0) return compute(actor);
  const reader = readServer(actor) === "primary" ? { ...actor, readAfterLsn: ON_PRIMARY } : actor;
  const { rows } = await readQuery<{ version: string }>(reader, { text: `SELECT version::text AS version FROM "DataVersion" WHERE id = 1` });
  const key = `${rows[0]?.version ?? "none"}|${actor.role}|${language}|${view}`;
  const kept = cache().get(key);
  if (kept !== undefined) return kept;
  const value = await compute(reader);
  cache().set(key, value);
  return value;
}
