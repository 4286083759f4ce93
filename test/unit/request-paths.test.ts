// Strapi builds its routers with @koa/router and no options; the same router here tells which
// spellings of a path really reach a route, so the guards can be checked against it.
import { usesSession } from '../../src/middlewares/session';
import Router from '@koa/router';
import { classifyRequest, type Bucket } from '../../src/rate-limit/rules';
import { canonicalPath, findPathProblem, isContentApiPath, routeKey } from '../../src/validation/path';
import { isCacheableRequest } from '../../src/plugins/api-cache/server/src/utils/http';
import { defaultConfig } from '../../src/plugins/api-cache/server/src/config';
import { pathVariants } from '../helpers/path-variants';

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

/** `decide` answers `expected` for every spelling of `path` the router routes, as the middlewares see it. */
function expectOnEveryRoutedSpelling(path: string, decide: (canonical: string) => boolean, expected: boolean): void {
  const spellings = pathVariants(path).filter((v) => findPathProblem(v) === null).map(canonicalPath);
  expect(spellings.length).toBeGreaterThan(5);
  for (const spelling of spellings) expect([spelling, decide(spelling)]).toEqual([spelling, expected]);
}

describe('the API cache sees routed variants as the router does', () => {
  const cacheable = (path: string) => isCacheableRequest({ method: 'GET', path, headers: {} }, defaultConfig.prefixes, defaultConfig.exclude);
  it.each([
    ['/api/articles', true],
    ['/api/users/me', false],
    ['/api/upload/files', false],
    ['/api/auth/email-confirmation', false],
    ['/api/connect/google', false],
  ])('%s (cacheable: %s), in every routed spelling', (path, expected) => {
    expectOnEveryRoutedSpelling(path, cacheable, expected);
  });
});

describe('the cookie session runs on every routed spelling of the provider login, and nowhere else', () => {
  it.each([
    ['/api/connect/google', true],
    ['/api/connect/github/callback', true],
    ['/api/articles', false],
    ['/api/auth/local', false],
    ['/api/connected', false],
    ['/admin/login', false],
  ])('%s (session: %s)', (path, expected) => {
    expectOnEveryRoutedSpelling(path, usesSession, expected);
  });
});

