import { setTimeout as sleep } from 'node:timers/promises';
import crypto from 'node:crypto';
import Redis from 'ioredis';
import { createLimiter, type Limiter } from '../../src/rate-limit/limiter';
import { readRateLimitSettings } from '../../src/rate-limit/rules';
import { redisCounter, type Counter } from '../../src/rate-limit/store';

// The machine's Redis; every test writes under a prefix of its own and removes it.
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

describe('rate limits in Redis', () => {
  let admin: Redis;
  let prefix: string;
  const closing: (Counter | Limiter)[] = [];
  const counter = () => {
    const c = redisCounter(REDIS_URL, { prefix, onError: () => {} });
    closing.push(c);
    return c;
  };
  // ioredis connects in the background; until then the counter counts in memory.
  const connected = async (c: Counter) => {
    for (let i = 0; i < 100; i++) {
      await c.hit('probe', 60_000);
      if ((await admin.exists(`${prefix}probe`)) === 1) return;
      await sleep(20);
    }
    throw new Error('the counter never reached Redis');
  };

  beforeAll(() => {
    admin = new Redis(REDIS_URL);
  });
  beforeEach(() => {
    prefix = `test-rate-limit-${crypto.randomBytes(4).toString('hex')}:`;
  });
  afterEach(async () => {
    await Promise.all(closing.splice(0).map((c) => c.close()));
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length) await admin.del(...keys);
  });
  afterAll(() => admin.quit());

  it('shares one count between instances, with the window as the key expiry', async () => {
    const a = counter();
    const b = counter();
    await Promise.all([connected(a), connected(b)]);
    const counts = [];
    for (const c of [a, b, a, b]) counts.push((await c.hit('api:203.0.113.9', 400)).count);
    expect(counts).toEqual([1, 2, 3, 4]);
    const ttl = await admin.pttl(`${prefix}api:203.0.113.9`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(400);
    await sleep(450);
    expect((await b.hit('api:203.0.113.9', 400)).count).toBe(1);
  });

  it('refuses past the limit across instances (limiter with RATE_LIMIT_REDIS_URL)', async () => {
    const settings = { ...readRateLimitSettings({ RATE_LIMIT_REDIS_URL: REDIS_URL, RATE_LIMIT_LOGIN: '2/min' }), redisPrefix: prefix };
    const one = createLimiter(settings, () => {});
    const two = createLimiter(settings, () => {});
    closing.push(one, two);
    // Wait for both connections: write through each until its key shows up in Redis.
    for (const l of [one, two]) {
      for (let i = 0; i < 100 && (await admin.exists(`${prefix}api:probe`)) === 0; i++) {
        await l.check('api', 'probe');
        await sleep(20);
      }
      await admin.del(`${prefix}api:probe`);
    }
    await sleep(50);
    expect((await one.check('login', '203.0.113.7|bientap')).allowed).toBe(true);
    expect((await two.check('login', '203.0.113.7|bientap')).allowed).toBe(true);
    const third = await one.check('login', '203.0.113.7|bientap');
    expect(third).toMatchObject({ allowed: false, remaining: 0, limit: 2 });
    expect(third.resetSeconds).toBeGreaterThan(55);
  });

  it('counts in memory, never failing, while Redis is unreachable', async () => {
    const errors: Error[] = [];
    const down = redisCounter('redis://127.0.0.1:1', { prefix, onError: (e) => errors.push(e) });
    closing.push(down);
    const counts = [];
    for (let i = 0; i < 3; i++) counts.push((await down.hit('api:203.0.113.5', 60_000)).count);
    expect(counts).toEqual([1, 2, 3]);
    await sleep(300);
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors.length).toBeLessThanOrEqual(1);
  });
});
