import { bearerOf, isPublishedRead, isWebsiteToken, type TokenRow } from '../../src/security/website-token';

describe('website tokens', () => {
  it.each([
    ['Bearer abc123', 'abc123'],
    ['bearer   abc123 ', 'abc123'],
    [['Bearer x', 'Bearer y'], 'x'],
    ['Basic dXNlcg==', null],
    ['Bearer', null],
    ['Bearer a b', null],
    [undefined, null],
  ])('bearerOf(%j) → %j', (header, expected) => {
    expect(bearerOf(header)).toBe(expected);
  });

  const now = Date.parse('2026-06-01T00:00:00Z');
  const row = (over: Partial<TokenRow>): TokenRow => ({ id: 1, name: 'website: trang chính', type: 'read-only', kind: 'content-api', expiresAt: null, ...over });
  it.each([
    ['a read-only token named with the prefix', row({}), true],
    ['the prefix in another case', row({ name: 'Website: Trang chính' }), true],
    ['a token from before token kinds', row({ kind: null }), true],
    ['not yet expired', row({ expiresAt: '2026-07-01T00:00:00Z' }), true],
    ['expired', row({ expiresAt: '2026-05-01T00:00:00Z' }), false],
    ['full access, even named so (it may write and read drafts)', row({ type: 'full-access' }), false],
    ['custom', row({ type: 'custom' }), false],
    ['an admin token', row({ kind: 'admin' }), false],
    ['without the prefix', row({ name: 'ứng dụng website: x' }), false],
    ['no token', null, false],
  ])('%s → %s', (_name, token, expected) => {
    expect(isWebsiteToken(token, 'website:', now)).toBe(expected);
  });

  it('an empty prefix marks no token', () => {
    expect(isWebsiteToken(row({}), '', now)).toBe(false);
  });

  it.each([
    ['GET', {}, true],
    ['HEAD', { locale: 'vi' }, true],
    ['GET', { status: 'published' }, true],
    ['GET', { status: 'draft' }, false],
    ['GET', { status: ['draft'] }, false],
    ['POST', {}, false],
    ['GET', undefined, true],
  ])('isPublishedRead(%s, %j) → %s', (method, query, expected) => {
    expect(isPublishedRead(method, query)).toBe(expected);
  });
});
