export interface CachedResponse {
  status: number;
  body: Buffer;
  type: string;
  etag: string;
  lastModified?: string;
  /** Headers other middlewares set on the first answer (security, CORS…), replayed on hits. */
  headers?: Record<string, string>;
  /** What the answer depends on (utils/tags.ts), sent as `Cache-Tag` and `Surrogate-Key`. */
  tags?: string[];
  /** The sequence number its read started at (memory backend; Redis keeps it beside the entry). */
  at?: number;
}

/**
 * Least-recently-used entries, bounded by their total bytes (bodies plus keys), not their count:
 * one sitemap can weigh as much as a thousand small pages.
 */
export class ByteLru {
  private entries = new Map<string, CachedResponse>();
  private used = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly maxEntryBytes: number
  ) {}

  private static weight(key: string, value: CachedResponse): number {
    return value.body.length + key.length * 2 + 200;
  }

  get(key: string): CachedResponse | undefined {
    const value = this.entries.get(key);
    if (value) {
      // Re-inserting moves it to the young end of the Map's insertion order.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Stores unless the entry alone is over the per-entry limit; evicts the oldest to make room. */
  set(key: string, value: CachedResponse): boolean {
    const weight = ByteLru.weight(key, value);
    if (weight > this.maxEntryBytes || weight > this.maxBytes) return false;
    this.delete(key);
    this.entries.set(key, value);
    this.used += weight;
    for (const [oldKey, old] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.used -= ByteLru.weight(oldKey, old);
    }
    return true;
  }

  delete(key: string): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.used -= ByteLru.weight(key, old);
    }
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }

  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }
}
