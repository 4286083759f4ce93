import Redis from 'ioredis';
import { ALL } from '../utils/tags';
import type { CachedResponse } from '../utils/lru';
import type { Backend } from './types';

// KEYS: 1 the sequence number, 2 the entry prefix, 3 the tag prefix. An entry is stored as
// "<sequence>|<tag> <tag>…\n<json>", so a read checks its tags without decoding the body.
const FRESH = `local function fresh(at, tags)
  local all = redis.call('GET', KEYS[3] .. '*')
  if all and tonumber(all) > at then return false end
  for tag in string.gmatch(tags, '%S+') do
    local t = redis.call('GET', KEYS[3] .. tag)
    if t and tonumber(t) > at then return false end
  end
  return true
end
`;
// Reading the sequence number and the entry, if still fresh, in one round trip.
const GET = `${FRESH}
local seq = redis.call('GET', KEYS[1]) or '0'
local v = redis.call('GET', KEYS[2] .. ARGV[1])
if not v then return {seq} end
local nl = string.find(v, '\\n', 1, true)
local head = string.sub(v, 1, nl - 1)
local bar = string.find(head, '|', 1, true)
if not fresh(tonumber(string.sub(head, 1, bar - 1)), string.sub(head, bar + 1)) then
  redis.call('DEL', KEYS[2] .. ARGV[1])
  return {seq}
end
return {seq, string.sub(v, nl + 1)}`;
// Storing only if none of the answer's tags was touched (by any instance) since its read began.
const SET = `${FRESH}
if not fresh(tonumber(ARGV[1]), ARGV[3]) then return 0 end
redis.call('SET', KEYS[2] .. ARGV[2], ARGV[1] .. '|' .. ARGV[3] .. '\\n' .. ARGV[4], 'PX', ARGV[5])
return 1`;
// A tag's mark may expire with the entries: any entry older than the mark has expired by then.
const TOUCH = `local s = redis.call('INCR', KEYS[1])
for i = 2, #ARGV do redis.call('SET', KEYS[3] .. ARGV[i], s, 'PX', ARGV[1]) end
return s`;

const encode = (e: CachedResponse) => JSON.stringify({ ...e, body: e.body.toString('base64') });
const decode = (raw: string): CachedResponse => {
  const e = JSON.parse(raw) as Omit<CachedResponse, 'body'> & { body: string };
  return { ...e, body: Buffer.from(e.body, 'base64') };
};

/**
 * Shared by every instance: a write anywhere touches its tags for all. Redis down means bypass
 * (answers come from Strapi); tags touched while Redis was away are replayed as `*` (everything)
 * as soon as it is back, and until then nothing is read from it.
 */
export function redisBackend(url: string, options: { prefix: string; ttlSeconds: number; maxEntryBytes: number; onError: (e: Error) => void }): Backend {
  const client = new Redis(url, { maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: 1000, commandTimeout: 500, retryStrategy: () => 500 });
  const keys = [`${options.prefix}seq`, `${options.prefix}e:`, `${options.prefix}t:`];
  const ttl = String(options.ttlSeconds * 1000);
  let missedInvalidation = false;
  let lastError = 0;
  const failed = (error: Error) => {
    // Once a second at most: a Redis outage must not flood the log.
    if (Date.now() - lastError > 1000) options.onError(error);
    lastError = Date.now();
  };
  const touch = (tags: string[]) => client.eval(TOUCH, 3, ...keys, ttl, ...tags);
  client.on('error', failed);
  client.on('ready', async () => {
    if (!missedInvalidation) return;
    try {
      await touch([ALL]);
      missedInvalidation = false;
    } catch (error) {
      failed(error as Error);
    }
  });

  return {
    async get(key) {
      if (missedInvalidation || client.status !== 'ready') return { generation: null };
      try {
        const [generation, raw] = (await client.eval(GET, 3, ...keys, key)) as [string, string | undefined];
        return { generation, entry: raw ? decode(raw) : undefined };
      } catch (error) {
        failed(error as Error);
        return { generation: null };
      }
    },
    async set(key, entry, generation, tags = []) {
      if (entry.body.length > options.maxEntryBytes) return;
      try {
        await client.eval(SET, 3, ...keys, generation, key, tags.join(' '), encode(entry), ttl);
      } catch (error) {
        failed(error as Error);
      }
    },
    async touch(tags) {
      if (tags.length === 0) return;
      try {
        if (client.status !== 'ready') throw new Error(`Redis is ${client.status}`);
        await touch(tags);
      } catch (error) {
        missedInvalidation = true;
        failed(error as Error);
      }
    },
    async invalidate() {
      await this.touch([ALL]);
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
