import { classifyRequest, loginKey, parseRule, readRateLimitSettings } from '../../src/rate-limit/rules';
import { decide, MemoryCounter } from '../../src/rate-limit/window';

describe('parseRule', () => {
  it.each([
    ['600/min', { limit: 600, windowMs: 60_000 }],
    ['10/15min', { limit: 10, windowMs: 900_000 }],
    ['5/30s', { limit: 5, windowMs: 30_000 }],
    [' 1000 / h ', { limit: 1000, windowMs: 3_600_000 }],
  ])('%s', (text, rule) => {
    expect(parseRule(text)).toEqual(rule);
  });

  it.each(['', 'off', '600', '0/min', '10/0min', '10/fortnight', '-1/min', 'ten/min'])('refuses %p', (text) => {
    expect(() => parseRule(text, 'RATE_LIMIT_API')).toThrow(/RATE_LIMIT_API must look like/);
  });
});

describe('readRateLimitSettings', () => {
  it('has defaults and reads each variable', () => {
    const defaults = readRateLimitSettings({});
    expect(defaults).toMatchObject({ enabled: true, redisUrl: '', rules: { api: { limit: 600 }, search: { limit: 120 }, login: { limit: 10, windowMs: 900_000 } } });
    const set = readRateLimitSettings({ RATE_LIMIT: 'OFF', RATE_LIMIT_SEARCH: '3/s', CACHE_REDIS_URL: 'redis://cache' });
    expect(set).toMatchObject({ enabled: false, redisUrl: 'redis://cache', rules: { search: { limit: 3, windowMs: 1000 } } });
    expect(readRateLimitSettings({ RATE_LIMIT_REDIS_URL: 'redis://own', CACHE_REDIS_URL: 'redis://cache' }).redisUrl).toBe('redis://own');
  });
});

describe('classifyRequest', () => {
  it.each([
    ['GET', '/api/articles', 'api'],
    ['GET', '/api/feeds/rss.xml', 'api'],
    ['GET', '/api/articles/by-slug/x', 'api'],
    ['POST', '/api/upload', 'api'],
    ['GET', '/api/search', 'search'],
    ['GET', '/api/search/suggest', 'search'],
    ['GET', '/api/searches', 'api'],
    ['POST', '/admin/login', 'login'],
    ['POST', '/api/auth/local', 'login'],
    ['GET', '/api/auth/local', 'api'],
    ['OPTIONS', '/api/articles', null],
    ['GET', '/admin/users/me', null],
    ['GET', '/uploads/a.jpg', null],
    ['GET', '/apifoo', null],
    ['POST', '/graphql', 'api'],
    ['GET', '/graphql', 'api'],
    ['POST', '/GraphQL/', 'api'],
    ['POST', '/graphqlx', null],
    ['OPTIONS', '/graphql', null],
  ])('%s %s → %p', (method, path, bucket) => {
    expect(classifyRequest(method, path)).toBe(bucket);
  });
});

describe('loginKey', () => {
  it.each([
    [{ email: ' Admin@Example.VN ', password: 'x' }, '1.2.3.4|admin@example.vn'],
    [{ identifier: 'bientap' }, '1.2.3.4|bientap'],
    [{ identifier: 42 }, '1.2.3.4|'],
    [undefined, '1.2.3.4|'],
    ['not an object', '1.2.3.4|'],
  ])('%p', (body, key) => {
    expect(loginKey('1.2.3.4', body)).toBe(key);
  });
});

describe('decide', () => {
  it.each([
    // count, limit, resetAt, now → allowed, remaining, resetSeconds
    [1, 3, 60_000, 0, true, 2, 60],
    [3, 3, 60_000, 59_500, true, 0, 1],
    [4, 3, 60_000, 30_000, false, 0, 30],
    [4, 3, 60_000, 59_999, false, 0, 1],
    [4, 3, 60_000, 60_000, false, 0, 1],
  ])('count %i of %i', (count, limit, resetAt, now, allowed, remaining, resetSeconds) => {
    expect(decide({ count, resetAt }, limit, now)).toEqual({ allowed, limit, remaining, resetSeconds });
  });
});

describe('MemoryCounter (fake clock)', () => {
  it('counts per key within a window and starts again after it', () => {
    let now = 1_000;
    const counter = new MemoryCounter(() => now);
    const steps: [number, string, number, number][] = [
      // advance ms, key → count, resetAt
      [0, 'a', 1, 11_000],
      [5_000, 'a', 2, 11_000],
      [0, 'b', 1, 16_000],
      [4_999, 'a', 3, 11_000],
      [1, 'a', 1, 21_000],
      [0, 'b', 2, 16_000],
    ];
    for (const [advance, key, count, resetAt] of steps) {
      now += advance;
      expect(counter.hit(key, 10_000)).toEqual({ count, resetAt });
    }
  });

  it('forgets expired windows', () => {
    let now = 0;
    const counter = new MemoryCounter(() => now);
    for (let i = 0; i < 100; i++) counter.hit(`ip${i}`, 1000);
    now = 5000;
    counter.hit('late', 1000);
    expect(counter.size).toBe(1);
  });
});
