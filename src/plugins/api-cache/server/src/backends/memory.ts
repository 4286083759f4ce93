import { ByteLru, type CachedResponse } from '../utils/lru';
import type { Backend } from './types';

/** One process's memory, least recently used first out past `maxBytes`. */
export function memoryBackend(maxBytes: number, maxEntryBytes: number): Backend {
  const lru = new ByteLru(maxBytes, maxEntryBytes);
  let generation = 0;
  return {
    async get(key) {
      return { entry: lru.get(key), generation: String(generation) };
    },
    async set(key: string, entry: CachedResponse, seen: string) {
      if (seen === String(generation)) lru.set(key, entry);
    },
    async invalidate() {
      generation += 1;
      lru.clear();
    },
    async connect() {},
    async close() {
      lru.clear();
    },
  };
}
