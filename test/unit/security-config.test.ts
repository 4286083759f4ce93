import { corsConfig, securityConfig } from '../../src/security/headers';
import { parseOrigins } from '../../src/security/origins';

describe('parseOrigins', () => {
  it.each([
    ['', []],
    ['https://tdkt.example.vn', ['https://tdkt.example.vn']],
    [' https://a.vn/ , http://localhost:3000 ', ['https://a.vn', 'http://localhost:3000']],
    ['*', ['*']],
  ])('%p', (text, origins) => {
    expect(parseOrigins(text, 'CORS_ORIGINS')).toEqual(origins);
  });

  it.each(['a.vn', 'https://a.vn/path', 'ftp://a.vn', 'https://user@a.vn', 'https://a.vn?x=1'])('refuses %p', (text) => {
    expect(() => parseOrigins(text, 'CORS_ORIGINS')).toThrow(/CORS_ORIGINS: .* is not an origin/);
  });
});

describe('securityConfig', () => {
  const directives = (env: Record<string, string>) => securityConfig(env).contentSecurityPolicy.directives;

  it('sends HSTS in production only', () => {
    expect(securityConfig({ NODE_ENV: 'production' }).hsts).toEqual({ maxAge: 31_536_000, includeSubDomains: true });
    expect(securityConfig({ NODE_ENV: 'development' }).hsts).toBe(false);
    expect(securityConfig({}).hsts).toBe(false);
  });

  it('lets images come from MEDIA_ORIGIN and frames show PUBLIC_SITE_URL, and nothing from Strapi market', () => {
    const d = directives({ MEDIA_ORIGIN: 'https://cdn.example.vn', PUBLIC_SITE_URL: 'https://tdkt.example.vn/tin-tuc' });
    expect(d['img-src']).toBe("'self' data: blob: https://cdn.example.vn");
    expect(d['media-src']).toContain('https://cdn.example.vn');
    expect(d['frame-src']).toBe("'self' https://tdkt.example.vn");
    expect(d['frame-ancestors']).toBe("'self'");
    expect(Object.values(d).join(' ')).not.toMatch(/strapi\.io/);
  });

  it('keeps the admin working: inline styles, data: and blob: images', () => {
    const d = directives({});
    expect(d['style-src']).toContain("'unsafe-inline'");
    expect(d['img-src']).toBe("'self' data: blob:");
    expect(d['script-src']).toBe("'self'");
    expect(d['object-src']).toBe("'none'");
  });

  it('refuses a malformed MEDIA_ORIGIN at start', () => {
    expect(() => securityConfig({ MEDIA_ORIGIN: 'cdn.example.vn' })).toThrow(/MEDIA_ORIGIN/);
  });
});

describe('corsConfig', () => {
  it.each([
    // env → origin, credentials
    [{ NODE_ENV: 'development' }, ['*'], false],
    [{}, ['*'], false],
    [{ NODE_ENV: 'production' }, [], false],
    [{ NODE_ENV: 'production', CORS_ORIGINS: 'https://a.vn,https://b.vn' }, ['https://a.vn', 'https://b.vn'], true],
    [{ NODE_ENV: 'development', CORS_ORIGINS: 'http://localhost:3000' }, ['http://localhost:3000'], true],
    [{ NODE_ENV: 'production', CORS_ORIGINS: '*' }, ['*'], false],
    [{ CORS_ORIGINS: '*, https://a.vn' }, ['*', 'https://a.vn'], false],
  ])('%p', (env, origin, credentials) => {
    expect(corsConfig(env)).toMatchObject({ origin, credentials });
  });

  it('exposes the rate-limit and cache headers to browsers', () => {
    expect(corsConfig({}).expose).toEqual(expect.arrayContaining(['Retry-After', 'RateLimit-Remaining', 'ETag']));
  });
});
