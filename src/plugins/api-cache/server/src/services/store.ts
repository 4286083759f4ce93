import type { Core } from '@strapi/strapi';
import { memoryBackend } from '../backends/memory';
import { redisBackend } from '../backends/redis';
import type { Backend } from '../backends/types';
import type { PluginConfig } from '../config';
import type { CachedResponse } from '../utils/lru';
import { ALL } from '../utils/tags';

/**
 * The cache, over the configured backend. A write touches its tags once it has succeeded (a failed
 * write changed nothing, so it invalidates nothing); while it runs, this process stores no answer
 * carrying one of its tags, and the backend refuses any answer whose read began before the touch.
 */
export const store = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::api-cache') as PluginConfig;
  let backend: Backend | undefined;
  const writing = new Map<string, number>();
  const open = (): Backend => {
    const c = config();
    return c.redisUrl
      ? redisBackend(c.redisUrl, {
          prefix: c.redisPrefix,
          ttlSeconds: c.redisTtlSeconds,
          maxEntryBytes: c.maxEntryBytes,
          onError: (e) => strapi.log.warn(`[api-cache] Redis unavailable, answering without the cache: ${e.message}`),
        })
      : memoryBackend(c.maxBytes, c.maxEntryBytes);
  };
  const use = () => (backend ??= open());
  const mark = (tags: string[], step: 1 | -1) => {
    for (const tag of tags) {
      const n = (writing.get(tag) ?? 0) + step;
      if (n > 0) writing.set(tag, n);
      else writing.delete(tag);
    }
  };
  const busy = (tags: string[]) => writing.has(ALL) || tags.some((t) => writing.has(t));

  return {
    /** At start: the first requests should find Redis connected, not bypass it. */
    connect: () => use().connect(2000),

    lookup: (key: string) => use().get(key),

    async set(key: string, value: CachedResponse, generation: string | null, tags: string[] = []): Promise<void> {
      if (generation === null || busy(tags)) return;
      await use().set(key, value, generation, tags);
    },

    /** Invalidates the answers carrying these tags; everything in `flush-all` mode. */
    touch: (tags: string[]) => (config().invalidation === 'flush-all' ? use().invalidate() : use().touch(tags)),

    invalidate: () => use().invalidate(),

    /**
     * Brackets a write: `held` tags are not stored while it runs; once it succeeds, the tags
     * `touched` finds from its result are touched (without it, `held`). `*` (flush-all) also empties
     * the cache at the start, as before tags.
     */
    async during<T>(held: string[], write: () => Promise<T>, touched?: (result: T) => Promise<string[]>): Promise<T> {
      const tags = held;
      mark(tags, 1);
      try {
        if (tags.includes(ALL)) await use().invalidate();
        const result = await write();
        await this.touch(touched ? await touched(result) : tags);
        return result;
      } catch (error) {
        if (tags.includes(ALL)) await use().invalidate();
        throw error;
      } finally {
        mark(tags, -1);
      }
    },

    async close(): Promise<void> {
      await backend?.close();
      backend = undefined;
    },
  };
};

export type Store = ReturnType<typeof store>;
