import { createHmac } from 'node:crypto';
import { siteConfig } from './site-config';
import { PREVIEW_TOKEN_TTL_SECONDS, signPreviewToken, verifyPreviewToken, type PreviewClaims } from '../server/src/utils/preview-token';
import { previewUrl } from '../server/src/utils/urls';

const SECRET = 'bi-mat-xem-truoc-dung-chung';
const NOW = Date.UTC(2026, 0, 22, 8, 0, 0);
const CLAIMS = {
  type: 'article',
  uid: 'api::article.article',
  documentId: 'k9x2m4p7q1w8e5r3t6y0u2i4',
  locale: 'vi',
  status: 'draft',
  path: '/tin-tuc/khoi-mat-tran-tong-ket-2024',
} as const;

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const signed = (payloadText: string, secret = SECRET) => `${b64(payloadText)}.${createHmac('sha256', secret).update(b64(payloadText)).digest('base64url')}`;
/** The token's payload replaced, its signature kept: what a tamperer can make without the secret. */
const withPayload = (token: string, claims: object) => `${b64(JSON.stringify(claims))}.${token.split('.')[1]}`;

describe('preview tokens', () => {
  const token = signPreviewToken(SECRET, CLAIMS, NOW);
  const good = { v: 1, ...CLAIMS, exp: NOW / 1000 + PREVIEW_TOKEN_TTL_SECONDS } satisfies PreviewClaims;

  it('carries the document, locale, status, page and expiry, and verifies with the secret', () => {
    expect(verifyPreviewToken(SECRET, token, NOW)).toEqual({ ok: true, claims: good });
    expect(token).not.toContain(SECRET);
  });

  it('works until its expiry, a few minutes, and not from then on', () => {
    const expiry = good.exp * 1000;
    expect(PREVIEW_TOKEN_TTL_SECONDS).toBeGreaterThanOrEqual(60);
    expect(PREVIEW_TOKEN_TTL_SECONDS).toBeLessThanOrEqual(600);
    expect(verifyPreviewToken(SECRET, token, expiry - 1).ok).toBe(true);
    expect(verifyPreviewToken(SECRET, token, expiry)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyPreviewToken(SECRET, token, expiry + 86_400_000)).toEqual({ ok: false, reason: 'expired' });
  });

  // Every claim changed in turn, the signature kept: the token must fail.
  const tampered: [string, unknown][] = [
    ['type', 'category'],
    ['uid', 'api::category.category'],
    ['documentId', 'tai-lieu-cua-nguoi-khac'],
    ['locale', 'en'],
    ['status', 'published'],
    ['path', '/tin-tuc/bai-khac'],
    ['exp', good.exp + 86_400],
    ['v', 2],
  ];
  it.each(tampered)('refuses a token whose %s was changed', (key, value) => {
    expect(verifyPreviewToken(SECRET, withPayload(token, { ...good, [key]: value }), NOW)).toEqual({ ok: false, reason: 'signature' });
  });

  it('refuses another secret, a changed or cut signature, and a signature moved to another token', () => {
    const other = signPreviewToken(SECRET, { ...CLAIMS, documentId: 'khac' }, NOW);
    const [payload, signature] = token.split('.');
    const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
    for (const candidate of [`${payload}.${flipped}`, `${payload}.${signature.slice(0, 20)}`, `${payload}.${other.split('.')[1]}`]) {
      expect(verifyPreviewToken(SECRET, candidate, NOW)).toEqual({ ok: false, reason: 'signature' });
    }
    expect(verifyPreviewToken('bi-mat-khac', token, NOW)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyPreviewToken('', token, NOW)).toEqual({ ok: false, reason: 'signature' });
  });

  it.each([
    ['nothing', undefined],
    ['a number', 12345],
    ['an object', { token }],
    ['an empty string', ''],
    ['one part', token.split('.')[0]],
    ['three parts', `${token}.x`],
    ['characters outside base64url', token.replace(/.$/, '=')],
    ['4 KB and more', `${'a'.repeat(4096)}.b`],
  ])('refuses %s as malformed', (_label, candidate) => {
    expect(verifyPreviewToken(SECRET, candidate, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  // Signed with the right secret but not a token this CMS makes: refused all the same.
  it.each([
    ['text that is not JSON', 'xin chào'],
    ['a missing document', JSON.stringify({ ...good, documentId: undefined })],
    ['an empty locale', JSON.stringify({ ...good, locale: '' })],
    ['an unknown status', JSON.stringify({ ...good, status: 'preview' })],
    ['a path to another site', JSON.stringify({ ...good, path: '//evil.example/tin-tuc' })],
    ['a path that is a URL', JSON.stringify({ ...good, path: 'https://evil.example/' })],
    ['a fractional expiry', JSON.stringify({ ...good, exp: good.exp + 0.5 })],
    ['another version', JSON.stringify({ ...good, v: 2 })],
  ])('refuses a signed payload with %s', (_label, payloadText) => {
    expect(verifyPreviewToken(SECRET, signed(payloadText), NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('cannot be signed without a secret', () => {
    expect(() => signPreviewToken('', CLAIMS, NOW)).toThrow(/PREVIEW_SECRET/);
  });
});

/**
 * The website's side, as the README describes it: its /api/preview route verifies the token with
 * the same PREVIEW_SECRET (kept on the site's server), keeps the token in an httpOnly cookie no
 * longer than the token lives, and redirects to the token's page; the page then fetches exactly
 * the token's document, server side, with the site's own read-only API token.
 */
const API_PATHS: Record<string, string> = { article: 'articles', category: 'categories', bloc: 'blocs', agency: 'agencies', movement: 'movements' };

function sitePreviewRoute(requestUrl: string, env: { PREVIEW_SECRET: string; CMS_URL: string }, nowMs: number) {
  const token = new URL(requestUrl).searchParams.get('token');
  const result = verifyPreviewToken(env.PREVIEW_SECRET, token, nowMs);
  if (result.ok === false) return { status: 401 as const, body: `Liên kết xem trước không dùng được (${result.reason}).` };
  const { claims } = result;
  const query = new URLSearchParams({ status: claims.status, locale: claims.locale });
  return {
    status: 307 as const,
    location: claims.path,
    cookie: { name: '__preview', value: token as string, httpOnly: true, maxAge: claims.exp - Math.floor(nowMs / 1000) },
    draftRequest: `${env.CMS_URL}/api/${API_PATHS[claims.type]}/${encodeURIComponent(claims.documentId)}?${query}`,
  };
}

describe("the website's preview route (example)", () => {
  const env = { PREVIEW_SECRET: SECRET, CMS_URL: 'https://cms.example.vn' };
  const config = { ...siteConfig, siteUrl: 'https://thiduakhenthuong.example.vn' };
  const page = { type: 'article', uid: 'api::article.article', documentId: 'doc-42', slug: 'front-bloc-review', locale: 'en', defaultLocale: 'vi', status: 'draft' } as const;

  it('opens the page of the URL the admin made and fetches that draft only', () => {
    const url = previewUrl(config, SECRET, page, NOW);
    expect(sitePreviewRoute(url, env, NOW + 5000)).toEqual({
      status: 307,
      location: '/en/tin-tuc/front-bloc-review',
      cookie: { name: '__preview', value: new URL(url).searchParams.get('token'), httpOnly: true, maxAge: 295 },
      draftRequest: 'https://cms.example.vn/api/articles/doc-42?status=draft&locale=en',
    });
  });

  it('turns away an expired, forged or secret-bearing link', () => {
    const url = previewUrl(config, SECRET, page, NOW);
    expect(sitePreviewRoute(url, env, NOW + 301_000)).toMatchObject({ status: 401, body: expect.stringContaining('expired') });
    const forged = new URL(url);
    const t = forged.searchParams.get('token') as string;
    forged.searchParams.set('token', withPayload(t, { ...JSON.parse(Buffer.from(t.split('.')[0], 'base64url').toString()), documentId: 'doc-43' }));
    expect(sitePreviewRoute(forged.href, env, NOW)).toMatchObject({ status: 401 });
    // The old form of the link, with the shared secret in it, opens nothing.
    expect(sitePreviewRoute(`https://thiduakhenthuong.example.vn/api/preview?secret=${SECRET}&url=/tin-tuc/x`, env, NOW)).toMatchObject({ status: 401 });
  });
});
