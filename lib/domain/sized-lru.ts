// Least recently used first out, within a budget (characters, say): the in-memory caches'
// store (lib/data/read-cache.ts, lib/page-cache). One entry never takes over a quarter of it.
export class SizedLru<V> {
  private entries = new Map<string, V>();
  private size = 0;
  constructor(
    private readonly budget: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.size -= this.sizeOf(old);
      this.entries.delete(key);
    }
    if (this.sizeOf(value) > this.budget / 4) return;
    this.entries.set(key, value);
    this.size += this.sizeOf(value);
    for (const [oldest, kept] of this.entries) {
      if (this.size <= this.budget) break;
      this.entries.delete(oldest);
      this.size -= this.sizeOf(kept);
    }
  }

  /** What is kept, in the budget's unit. */
  get used(): number {
    return this.size;
  }
}
