// Strapi builds its routers with @koa/router and no options; the same router here tells which
// spellings of a path really reach a route, so the guards can be checked against it.
import Router from '@koa/router';
import { classifyRequest, type Bucket } from '../../src/rate-limit/rules';
import { canonicalPath, findPathProblem, isContentApiPath, routeKey } from '../../src/validation/path';
import { isCacheableRequest } from '../../src/plugins/api-cache/server/src/utils/http';
import { defaultConfig } from '../../src/plugins/api-cache/server/src/config';

/** Every spelling of a path a client could send: case, trailing and doubled slashes, encoded separators, dot segments. */
export function pathVariants(path: string): string[] {
  const segments = path.split('/').slice(1);
  const join = (parts: string[]) => `/${parts.join('/')}`;
  const variants = new Set<string>([path, path.toUpperCase(), `${path}/`, `${path.toUpperCase()}/`, `${path}//`]);
  segments.forEach((segment, i) => {
    const at = (replacement: string) => join(segments.map((s, j) => (j === i ? replacement : s)));
    variants.add(at(segment.toUpperCase()));
    variants.add(at(segment.charAt(0).toUpperCase() + segment.slice(1)));
    // Alternate letters: "aPi", "AuTh"…
    variants.add(at([...segment].map((c, k) => (k % 2 ? c.toUpperCase() : c)).join('')));
  });
  // Each separator after the first, doubled, encoded (both cases), as a backslash.
  for (let i = 1; i < segments.length; i++) {
    const before = join(segments.slice(0, i));
    const after = segments.slice(i).join('/');
    for (const separator of ['//', '%2F', '%2f', '%5C', '%5c', '\\', '/./', '/%2e/', '/x/../', '/x/%2E%2E/']) variants.add(`${before}${separator}${after}`);
  }
  variants.add(`/${path}`);
  return [...variants];
}

const contentApi = new Router({ prefix: '/api' });
const admin = new Router({ prefix: '/admin' });
const noop = async () => undefined;
contentApi.post('/auth/local', noop).post('/auth/forgot-password', noop).get('/search', noop).get('/articles', noop).get('/articles/:id', noop).get('/feeds/rss.xml', noop);
admin.post('/login', noop).post('/forgot-password', noop);
const routed = (method: string, path: string) => contentApi.match(path, method).route || admin.match(path, method).route;

const CASES: [string, string, Bucket][] = [
  ['POST', '/api/auth/local', 'login'],
  ['POST', '/api/auth/forgot-password', 'login'],
  ['POST', '/admin/login', 'login'],
  ['POST', '/admin/forgot-password', 'login'],
  ['GET', '/api/search', 'search'],
  ['GET', '/api/articles', 'api'],
  ['GET', '/api/articles/abcDEF123', 'api'],
  ['GET', '/api/feeds/rss.xml', 'api'],
];

describe.each(CASES)('%s %s', (method, path, bucket) => {
  const variants = pathVariants(path);

  it('has variants to check', () => {
    expect(variants.length).toBeGreaterThan(20);
  });

  it.each(variants)('%j is refused, or reaches the route and every guard as the canonical path does', (variant) => {
    if (findPathProblem(variant) !== null) {
      // Refusing it changes nothing that works: the router never routes it.
      expect(routed(method, variant)).toBe(false);
      return;
    }
    // What the canonical-path middleware hands on.
    const seen = canonicalPath(variant);
    expect(routed(method, seen)).toBe(true);
    expect(classifyRequest(method, seen)).toBe(bucket);
    expect(isContentApiPath(seen)).toBe(path.startsWith('/api/'));
    expect(routeKey(seen)).toBe(routeKey(path));
  });
});

describe('every routed variant is guarded', () => {
  it.each(CASES)('%s %s: no variant the router routes escapes its bucket', (method, path, bucket) => {
    const escaped = pathVariants(path).filter((v) => routed(method, v) && (findPathProblem(v) !== null ? false : classifyRequest(method, canonicalPath(v)) !== bucket));
    expect(escaped).toEqual([]);
  });
});

describe('routeKey folds only what the router folds', () => {
  it.each([
    ['/API/Auth/Local/', '/api/auth/local'],
    ['/api/articles/AbC', '/api/articles/abc'],
    ['/api/auth/loca\u212a', '/api/auth/loca\u212a'], // Kelvin sign: the router's /i without /u does not fold it to "k"
    ['/', '/'],
  ])('%j → %j', (path, key) => {
    expect(routeKey(path)).toBe(key);
  });
});

describe('the API cache sees routed variants as the router does', () => {
  const cacheable = (path: string) => isCacheableRequest({ method: 'GET', path, headers: {} }, defaultConfig.prefixes, defaultConfig.exclude);
  it.each([
    ['/api/articles', true],
    ['/api/users/me', false],
    ['/api/upload/files', false],
    ['/api/auth/email-confirmation', false],
    ['/api/connect/google', false],
  ])('%s (cacheable: %s), in every routed spelling', (path, expected) => {
    const spellings = pathVariants(path).filter((v) => findPathProblem(v) === null).map(canonicalPath);
    expect(spellings.length).toBeGreaterThan(5);
    for (const spelling of spellings) expect([spelling, cacheable(spelling)]).toEqual([spelling, expected]);
  });
});
