import { ALL } from '../utils/tags';
import { ByteLru, type CachedResponse } from '../utils/lru';
import type { Backend } from './types';

// Marks of touched tags kept at most: ~100 bytes each, so ~10 MB; past it the cache starts over
// (every entry dropped, the marks forgotten), a cold start once per 100,000 documents written.
const MAX_MARKS = 100_000;

/** One process's memory, least recently used first out past `maxBytes`. */
export function memoryBackend(maxBytes: number, maxEntryBytes: number): Backend {
  const lru = new ByteLru(maxBytes, maxEntryBytes);
  // One number per touched tag: a few bytes per document ever written, against entries of kilobytes.
  const touched = new Map<string, number>();
  let sequence = 0;
  const fresh = (tags: string[], at: number) => (touched.get(ALL) ?? 0) <= at && tags.every((t) => (touched.get(t) ?? 0) <= at);

  return {
    async get(key) {
      const entry = lru.get(key);
      if (entry && !fresh(entry.tags ?? [], entry.at ?? 0)) {
        lru.delete(key);
        return { generation: String(sequence) };
      }
      return { entry, generation: String(sequence) };
    },
    async set(key: string, entry: CachedResponse, seen: string, tags: string[] = []) {
      const at = Number(seen);
      if (fresh(tags, at)) lru.set(key, { ...entry, tags, at });
    },
    async touch(tags) {
      sequence += 1;
      for (const tag of tags) touched.set(tag, sequence);
      if (tags.includes(ALL) || touched.size > MAX_MARKS) {
        lru.clear();
        touched.clear();
        touched.set(ALL, sequence);
      }
    },
    async invalidate() {
      await this.touch([ALL]);
    },
    async connect() {},
    async close() {
      lru.clear();
    },
  };
}
