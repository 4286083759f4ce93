import Redis from 'ioredis';
import type { CachedResponse } from '../utils/lru';
import type { Backend } from './types';

// Reading the generation and the entry under it in one round trip.
const GET = `local g = redis.call('GET', KEYS[1]) or '0'
return {g, redis.call('GET', KEYS[2] .. g .. ':' .. ARGV[1])}`;
// Storing only if no invalidation happened since the read (by any instance).
const SET = `if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2] .. ARGV[1] .. ':' .. ARGV[2], ARGV[3], 'PX', ARGV[4])
return 1`;

const encode = (e: CachedResponse) => JSON.stringify({ ...e, body: e.body.toString('base64') });
const decode = (raw: string): CachedResponse => {
  const e = JSON.parse(raw) as Omit<CachedResponse, 'body'> & { body: string };
  return { ...e, body: Buffer.from(e.body, 'base64') };
};

/**
 * Shared by every instance: an invalidation anywhere is a new generation for all. Redis down means
 * bypass (answers come from Strapi); an invalidation that could not reach Redis is replayed as soon
 * as it is back, and until then nothing is read from it.
 */
export function redisBackend(url: string, options: { prefix: string; ttlSeconds: number; maxEntryBytes: number; onError: (e: Error) => void }): Backend {
  const client = new Redis(url, { maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: 1000, commandTimeout: 500, retryStrategy: () => 500 });
  const genKey = `${options.prefix}gen`;
  const entryPrefix = `${options.prefix}e:`;
  let missedInvalidation = false;
  let lastError = 0;
  const failed = (error: Error) => {
    // Once a second at most: a Redis outage must not flood the log.
    if (Date.now() - lastError > 1000) options.onError(error);
    lastError = Date.now();
  };
  client.on('error', failed);
  client.on('ready', async () => {
    if (!missedInvalidation) return;
    try {
      await client.incr(genKey);
      missedInvalidation = false;
    } catch (error) {
      failed(error as Error);
    }
  });

  return {
    async get(key) {
      if (missedInvalidation || client.status !== 'ready') return { generation: null };
      try {
        const [generation, raw] = (await client.eval(GET, 2, genKey, entryPrefix, key)) as [string, string | null];
        return { generation, entry: raw ? decode(raw) : undefined };
      } catch (error) {
        failed(error as Error);
        return { generation: null };
      }
    },
    async set(key, entry, generation) {
      if (entry.body.length > options.maxEntryBytes) return;
      try {
        await client.eval(SET, 2, genKey, entryPrefix, generation, key, encode(entry), String(options.ttlSeconds * 1000));
      } catch (error) {
        failed(error as Error);
      }
    },
    async invalidate() {
      try {
        if (client.status !== 'ready') throw new Error(`Redis is ${client.status}`);
        await client.incr(genKey);
      } catch (error) {
        missedInvalidation = true;
        failed(error as Error);
      }
    },
    async connect(timeoutMs: number) {
      if (client.status === 'ready') return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        client.once('ready', () => (clearTimeout(timer), resolve()));
      });
    },
    async close() {
      client.disconnect();
    },
  };
}
