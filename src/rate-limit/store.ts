import Redis from 'ioredis';
import { MemoryCounter, type WindowState } from './window';

export interface Counter {
  hit(key: string, windowMs: number): Promise<WindowState>;
  close(): Promise<void>;
}

export const memoryCounter = (now?: () => number): Counter => {
  const counter = new MemoryCounter(now);
  return { hit: async (key, windowMs) => counter.hit(key, windowMs), close: async () => {} };
};

// Count and window in one round trip; a key without expiry (a crash between the calls) gets one.
const HIT = `local c = redis.call('INCR', KEYS[1])
local t = redis.call('PTTL', KEYS[1])
if t < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); t = tonumber(ARGV[1]) end
return {c, t}`;

/**
 * Counts in Redis so every instance shares the limits. While Redis is unreachable each instance
 * counts in its own memory (limits stay, per instance) rather than failing requests.
 */
export function redisCounter(url: string, options: { prefix: string; onError: (e: Error) => void }): Counter {
  const client = new Redis(url, { maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: 1000, commandTimeout: 500, retryStrategy: () => 1000 });
  const fallback = new MemoryCounter();
  let lastError = 0;
  const failed = (error: Error) => {
    // Once a minute at most: an outage must not flood the log.
    if (Date.now() - lastError > 60_000) options.onError(error);
    lastError = Date.now();
  };
  client.on('error', failed);
  return {
    async hit(key, windowMs) {
      if (client.status !== 'ready') return fallback.hit(key, windowMs);
      try {
        const [count, ttl] = (await client.eval(HIT, 1, options.prefix + key, String(windowMs))) as [number, number];
        return { count, resetAt: Date.now() + ttl };
      } catch (error) {
        failed(error as Error);
        return fallback.hit(key, windowMs);
      }
    },
    async close() {
      client.disconnect();
    },
  };
}
