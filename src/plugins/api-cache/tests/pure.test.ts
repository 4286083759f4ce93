import qs from 'qs';
import { defaultConfig, validateConfig, type PluginConfig } from '../server/src/config';
import { cacheKey } from '../server/src/utils/cache-key';
import { cacheControl, etagOf, isCacheableRequest, matchesEtag } from '../server/src/utils/http';
import { ByteLru, type CachedResponse } from '../server/src/utils/lru';

// Parsed as Strapi parses a query (strapi::query: qs with these options, installed on ctx.query).
const parse = (text: string) => qs.parse(text, { strictNullHandling: true, arrayLimit: 100, depth: 20 });
const keyOf = (text: string, path = '/api/articles') => cacheKey('GET', path, parse(text));

describe('cacheKey', () => {
  it.each([
    ['GET', '/api/articles', '', 'GET /api/articles'],
    ['get', '/api/articles', 'locale=vi&sort=dateline:desc', 'GET /api/articles?{"locale":"vi","sort":"dateline:desc"}'],
    ['GET', '/api/articles', 'sort=dateline:desc&locale=vi', 'GET /api/articles?{"locale":"vi","sort":"dateline:desc"}'],
    ['GET', '/api/articles', 'populate[cover]=true&locale=en', 'GET /api/articles?{"locale":"en","populate":{"cover":"true"}}'],
    ['GET', '/api/search', 'q=th%E1%BB%A7y%20l%E1%BB%A3i', 'GET /api/search?{"q":"thủy lợi"}'],
    ['GET', '/api/search', 'q=thủy lợi', 'GET /api/search?{"q":"thủy lợi"}'],
    ['GET', '/api/search', 'q=th%E1%BB%A7y+l%E1%BB%A3i', 'GET /api/search?{"q":"thủy lợi"}'],
  ])('%s %s ?%s', (method, path, query, expected) => {
    expect(cacheKey(method, path, parse(query))).toBe(expected);
  });

  it.each([
    // Equivalent: one entry.
    ['locale=vi&sort=title', 'sort=title&locale=vi', true],
    ['filters[title][$eq]=a&filters[slug][$eq]=b', 'filters[slug][$eq]=b&filters[title][$eq]=a', true],
    ['populate[cover]=true&populate[category]=true', 'populate[category]=true&populate[cover]=true', true],
    ['pagination[page]=2&pagination[pageSize]=5', 'pagination[pageSize]=5&pagination[page]=2', true],
    ['sort[0]=title&sort[1]=slug', 'sort[1]=slug&sort[0]=title', true],
    ['q=a%20b', 'q=a+b', true],
    // Different answers: different entries.
    ['sort=title&sort[0]=slug', 'sort[0]=slug&sort=title', false],
    ['sort=title,slug', 'sort=slug,title', false],
    ['sort[title]=asc&sort[slug]=desc', 'sort[slug]=desc&sort[title]=asc', false],
    ['populate[articles][sort][title]=asc&populate[articles][sort][slug]=asc', 'populate[articles][sort][slug]=asc&populate[articles][sort][title]=asc', false],
    ['x=2&x=1', 'x=1&x=2', false],
    ['fields[0]=title&fields[1]=slug', 'fields[0]=slug&fields[1]=title', false],
    ['locale=vi', 'locale=en', false],
    ['a', 'a=', false],
    ['a=1', 'a[]=1', false],
  ])('%s vs %s: same entry %s', (a, b, same) => {
    expect(keyOf(a) === keyOf(b)).toBe(same);
  });

  // Every order of these parameters: two queries share an entry exactly when their sort (the one
  // place where order reaches the answer) is the same.
  it('gives every order of a query one entry per distinct sort, and no two sorts one entry', () => {
    const pieces = ['sort=title', 'sort[1]=dateline:desc', 'locale=vi', 'filters[title][$containsi]=hoi', 'filters[dateline][$gt]=2020', 'populate[cover]=true', 'pagination[pageSize]=5'];
    const permutations = (list: string[]): string[][] =>
      list.length <= 1 ? [list] : list.flatMap((item, i) => permutations([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [item, ...rest]));
    const sortsByKey = new Map<string, Set<string>>();
    const sorts = new Set<string>();
    for (const order of permutations(pieces)) {
      const text = order.join('&');
      const sort = JSON.stringify(parse(text).sort);
      sorts.add(sort);
      const key = keyOf(text);
      sortsByKey.set(key, (sortsByKey.get(key) ?? new Set()).add(sort));
    }
    expect(sorts.size).toBeGreaterThan(1);
    for (const sortsOfKey of sortsByKey.values()) expect(sortsOfKey.size).toBe(1);
    expect(sortsByKey.size).toBe(sorts.size);
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
    // The router matches case-insensitively; so do the prefix and the exclusions.
    [req('GET', '/API/articles'), true],
    [req('GET', '/Api/Users/me'), false],
    [req('GET', '/API/UPLOAD/files'), false],
    [req('GET', '/api/AUTH/email-confirmation'), false],
    [req('GET', '/api/users/'), false],
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
