import { defaultConfig, validateConfig, type PluginConfig } from '../server/src/config';
import { nextAttemptAt } from '../server/src/utils/backoff';
import { affectedPaths, type Affected, type SitePaths } from '../server/src/utils/paths';
import { signatureOf, verifySignature } from '../server/src/utils/signature';

const ARTICLE = 'api::article.article';
const CATEGORY = 'api::category.category';
const BLOC = 'api::bloc.bloc';

describe('signature', () => {
  const secret = 'khoa-bi-mat-0123456789';
  const body = '{"id":"1","event":"publish","slug":"hội-nghị"}';

  it('is sha256= and the hex HMAC-SHA256 of the raw body', () => {
    // openssl: printf '%s' "$body" | openssl dgst -sha256 -hmac "$secret"
    expect(signatureOf('key', 'The quick brown fox jumps over the lazy dog')).toBe('sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
    expect(signatureOf(secret, body)).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it.each([
    ['the right signature', signatureOf(secret, body), true],
    ['with spaces around it', ` ${signatureOf(secret, body)} `, true],
    ['another body’s', signatureOf(secret, `${body} `), false],
    ['another secret’s', signatureOf('khac', body), false],
    ['without the prefix', signatureOf(secret, body).slice(7), false],
    ['empty', '', false],
    ['missing', null, false],
  ])('%s → %s', (_name, header, expected) => {
    expect(verifySignature(secret, body, header)).toBe(expected);
  });
});

describe('nextAttemptAt', () => {
  const day = 24 * 3600 * 1000;
  it.each([
    // attempts so far, ms since the change, expected delay (jitter 0)
    [1, 0, 10_000],
    [2, 10_000, 20_000],
    [5, 300_000, 160_000],
    [9, 3_000_000, 2_560_000],
    [10, 6_000_000, 3_600_000], // capped at an hour
    [30, 20 * 3600 * 1000, 3_600_000],
  ])('after %i tries, %i ms in: %i ms later', (attempts, elapsed, delay) => {
    expect(nextAttemptAt(attempts, 0, elapsed, day, 0)).toBe(elapsed + delay);
  });

  it('spreads retries by up to a fifth', () => {
    expect(nextAttemptAt(1, 0, 0, day, 1)).toBe(12_000);
  });

  it('gives up once the next try would be past the window', () => {
    expect(nextAttemptAt(30, 0, day - 1000, day, 0)).toBeNull();
    expect(nextAttemptAt(30, 0, day - 3_600_000, day, 0)).toBe(day);
  });
});

describe('affectedPaths', () => {
  const site: SitePaths = {
    siteUrl: 'https://tin.example.vn',
    localePrefix: { en: '/en' },
    types: {
      [ARTICLE]: { path: '/tin-tuc/{slug}', relations: ['category', 'blocs'], also: ['/', '/rss.xml'] },
      [CATEGORY]: { path: '/chuyen-muc/{slug}' },
      [BLOC]: { path: '/khoi-thi-dua/{slug}' },
    },
  };
  const change = (over: Partial<Affected>): Affected => ({ uid: ARTICLE, locale: 'vi', slug: 'bai-a', previousSlug: null, related: [], ...over });

  it.each([
    ['an article: its page, home and feeds', change({}), site, ['/tin-tuc/bai-a', '/', '/rss.xml']],
    ['with its sections', change({ related: [{ uid: CATEGORY, slug: 'tin-hoat-dong' }, { uid: BLOC, slug: 'khoi-mat-tran' }] }), site, ['/tin-tuc/bai-a', '/', '/rss.xml', '/chuyen-muc/tin-hoat-dong', '/khoi-thi-dua/khoi-mat-tran']],
    ['a slug change: both pages', change({ previousSlug: 'bai-cu' }), site, ['/tin-tuc/bai-a', '/tin-tuc/bai-cu', '/', '/rss.xml']],
    ['English: the locale prefix', change({ locale: 'en' }), site, ['/en/tin-tuc/bai-a', '/en', '/en/rss.xml']],
    ['a site under a path', change({}), { ...site, siteUrl: 'https://example.vn/thi-dua/' }, ['/thi-dua/tin-tuc/bai-a', '/thi-dua', '/thi-dua/rss.xml']],
    ['a section', change({ uid: CATEGORY, slug: 'tin-hoat-dong' }), site, ['/chuyen-muc/tin-hoat-dong']],
    ['a type without pages (media)', change({ uid: 'plugin::upload.file', slug: null }), site, []],
    ['a slug needing escapes', change({ slug: 'a b?' }), site, ['/tin-tuc/a%20b%3F', '/', '/rss.xml']],
    ['a related entry of a type without pages is left out', change({ related: [{ uid: 'api::agency.agency', slug: 'x' }] }), site, ['/tin-tuc/bai-a', '/', '/rss.xml']],
  ])('%s', (_name, c, s, expected) => {
    expect(affectedPaths(c, s)).toEqual(expected);
  });
});

describe('config', () => {
  const ok: PluginConfig = { ...defaultConfig, urls: ['https://site.example/api/revalidate'], secret: '0123456789abcdef' };
  it.each([
    ['receivers with a secret', ok, null],
    ['no receivers, no secret', defaultConfig, null],
    ['a receiver without a long enough secret', { ...ok, secret: 'short' }, /secret/],
    ['a receiver that is no URL', { ...ok, urls: ['site.example'] }, /urls/],
    ['a page path without a slash', { ...ok, types: { [ARTICLE]: { path: 'tin-tuc/{slug}' } } }, /path/],
    ['a site URL that is no URL', { ...ok, siteUrl: 'tin.example.vn' }, /siteUrl/],
    ['a poll interval of 0', { ...ok, pollMs: 0 }, /pollMs/],
  ])('%s', (_name, config, error) => {
    if (error) expect(() => validateConfig(config)).toThrow(error);
    else expect(() => validateConfig(config)).not.toThrow();
  });
});
