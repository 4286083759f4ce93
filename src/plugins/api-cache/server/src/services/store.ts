import type { Core } from '@strapi/strapi';
import { memoryBackend } from '../backends/memory';
import { redisBackend } from '../backends/redis';
import type { Backend } from '../backends/types';
import type { PluginConfig } from '../config';
import type { CachedResponse } from '../utils/lru';

/**
 * The cache, over the configured backend. While a write runs in this process nothing is stored,
 * and a write invalidates both when it starts and when it ends, so an answer computed from data
 * the write has since changed is never kept.
 */
export const store = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::api-cache') as PluginConfig;
  let backend: Backend | undefined;
  let writing = 0;
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

  return {
    /** At start: the first requests should find Redis connected, not bypass it. */
    connect: () => use().connect(2000),

    lookup: (key: string) => use().get(key),

    async set(key: string, value: CachedResponse, generation: string | null): Promise<void> {
      if (generation === null || writing > 0) return;
      await use().set(key, value, generation);
    },

    invalidate: () => use().invalidate(),

    /** Brackets a write: everything cached is dropped at its start and again at its end. */
    async during<T>(write: () => Promise<T>): Promise<T> {
      writing += 1;
      await this.invalidate();
      try {
        return await write();
      } finally {
        writing -= 1;
        await this.invalidate();
      }
    },

    async close(): Promise<void> {
      await backend?.close();
      backend = undefined;
    },
  };
};

export type Store = ReturnType<typeof store>;
