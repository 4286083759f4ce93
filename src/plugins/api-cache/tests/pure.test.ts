import { defaultConfig, validateConfig, type PluginConfig } from '../server/src/config';
import { cacheKey } from '../server/src/utils/cache-key';
import { cacheControl, etagOf, isCacheableRequest, matchesEtag } from '../server/src/utils/http';
import { ByteLru, type CachedResponse } from '../server/src/utils/lru';

describe('cacheKey', () => {
  it.each([
    ['GET', '/api/articles', '', 'GET /api/articles'],
    ['get', '/api/articles', 'locale=vi&sort=dateline:desc', 'GET /api/articles?locale=vi&sort=dateline%3Adesc'],
    ['GET', '/api/articles', 'sort=dateline:desc&locale=vi', 'GET /api/articles?locale=vi&sort=dateline%3Adesc'],
    ['GET', '/api/articles', 'populate[cover]=true&locale=en', 'GET /api/articles?locale=en&populate%5Bcover%5D=true'],
    ['GET', '/api/search', 'q=th%E1%BB%A7y%20l%E1%BB%A3i', 'GET /api/search?q=th%E1%BB%A7y+l%E1%BB%A3i'],
    ['GET', '/api/search', 'q=thủy lợi', 'GET /api/search?q=th%E1%BB%A7y+l%E1%BB%A3i'],
  ])('%s %s ?%s', (method, path, query, expected) => {
    expect(cacheKey(method, path, query)).toBe(expected);
  });

  it('keeps the order of a repeated parameter and tells different values apart', () => {
    expect(cacheKey('GET', '/a', 'x=2&x=1')).not.toBe(cacheKey('GET', '/a', 'x=1&x=2'));
    expect(cacheKey('GET', '/a', 'locale=vi')).not.toBe(cacheKey('GET', '/a', 'locale=en'));
  });
});

describe('ByteLru', () => {
  const entry = (bytes: number): CachedResponse => ({ status: 200, body: Buffer.alloc(bytes), type: 'application/json', etag: '"x"' });

  it('evicts the least recently used entries to stay under its byte budget', () => {
    const lru = new ByteLru(3000, 2000);
    lru.set('a', entry(800));
    lru.set('b', entry(800));
    lru.get('a'); // a is now the most recent
    lru.set('c', entry(800));
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBeDefined();
    expect(lru.get('c')).toBeDefined();
    expect(lru.bytes).toBeLessThanOrEqual(3000);
  });

  it.each([
    [2500, false],
    [100, true],
  ])('an entry of %i bytes with a 2000-byte entry limit is kept: %s', (bytes, kept) => {
    const lru = new ByteLru(10_000, 2000);
    expect(lru.set('k', entry(bytes))).toBe(kept);
    expect(lru.size).toBe(kept ? 1 : 0);
  });

  it('replacing a key does not count it twice; clear empties', () => {
    const lru = new ByteLru(10_000, 5000);
    lru.set('k', entry(1000));
    const once = lru.bytes;
    lru.set('k', entry(1000));
    expect(lru.bytes).toBe(once);
    lru.clear();
    expect([lru.size, lru.bytes]).toEqual([0, 0]);
  });
});

describe('HTTP helpers', () => {
  it.each([
    [{ maxAge: 0, sMaxAge: 60, staleWhileRevalidate: 30 }, 'public, max-age=0, s-maxage=60, stale-while-revalidate=30'],
    [{ maxAge: 10, sMaxAge: 0, staleWhileRevalidate: 0 }, 'public, max-age=10, s-maxage=0'],
  ])('Cache-Control %j', (options, expected) => {
    expect(cacheControl(options)).toBe(expected);
  });

  it('makes a strong ETag that changes with the bytes', () => {
    const a = etagOf(Buffer.from('{"data":[]}'));
    expect(a).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(etagOf(Buffer.from('{"data":[]}'))).toBe(a);
    expect(etagOf(Buffer.from('{"data":[1]}'))).not.toBe(a);
  });

  it.each([
    [undefined, false],
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['"abcd"', false],
    ['*', true],
  ])('If-None-Match %j matches "abc": %s', (header, expected) => {
    expect(matchesEtag(header, '"abc"')).toBe(expected);
  });

  const req = (method: string, path: string, headers: Record<string, string> = {}) => ({ method, path, headers });
  it.each([
    [req('GET', '/api/articles'), true],
    [req('HEAD', '/api/articles'), true],
    [req('POST', '/api/articles'), false],
    [req('GET', '/api/articles', { authorization: 'Bearer x' }), false],
    [req('GET', '/api/articles', { cookie: 'koa.sess=1' }), false],
    [req('GET', '/admin/init'), false],
    [req('GET', '/api/upload/files'), false],
    [req('GET', '/api/users/me'), false],
    [req('GET', '/api/uploads-of-something'), true],
  ])('cacheable %j: %s', (r, expected) => {
    expect(isCacheableRequest(r, defaultConfig.prefixes, defaultConfig.exclude)).toBe(expected);
  });
});

describe('validateConfig', () => {
  it('accepts the defaults', () => expect(() => validateConfig(defaultConfig)).not.toThrow());
  it.each<[Partial<PluginConfig>, RegExp]>([
    [{ prefixes: ['api/'] }, /prefixes/],
    [{ maxBytes: 10 }, /maxBytes/],
    [{ sMaxAge: -1 }, /sMaxAge/],
  ])('refuses %j', (patch, message) => expect(() => validateConfig({ ...defaultConfig, ...patch })).toThrow(message));
});
