/**
 * Signed preview tokens: what the admin's preview URL carries instead of the shared secret.
 *
 * A token is `<payload>.<signature>`, both base64url: the payload is the JSON of
 * {@link PreviewClaims}, the signature HMAC-SHA256 of the payload text under PREVIEW_SECRET.
 * The secret stays on the CMS and on the website's server; the browser only ever holds a token
 * for one document, locale and status that stops working after a few minutes.
 *
 * `verifyPreviewToken` uses nothing but node:crypto, so a website can copy it as is.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface PreviewClaims {
  /** Format version. */
  v: 1;
  /** Page type of the website (article, category, …) and the Strapi content type behind it. */
  type: string;
  uid: string;
  documentId: string;
  locale: string;
  status: 'draft' | 'published';
  /** The page on the website to open, locale prefix included. */
  path: string;
  /** Expiry, epoch seconds. */
  exp: number;
}

/**
 * Five minutes: the admin asks for a new URL every time the preview opens or the document is
 * saved, so a token is only needed for the few seconds the site takes to redirect; the margin
 * covers clock skew between the CMS and the site.
 */
export const PREVIEW_TOKEN_TTL_SECONDS = 300;

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export function signPreviewToken(secret: string, claims: Omit<PreviewClaims, 'v' | 'exp'>, nowMs: number, ttlSeconds = PREVIEW_TOKEN_TTL_SECONDS): string {
  if (!secret) throw new Error('PREVIEW_SECRET is empty: no preview token can be signed');
  const full: PreviewClaims = { v: 1, ...claims, exp: Math.floor(nowMs / 1000) + ttlSeconds };
  const payload = Buffer.from(JSON.stringify(full), 'utf8').toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

export type PreviewVerification = { ok: true; claims: PreviewClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

/**
 * Checks a preview token: well formed, signed with `secret`, not expired at `nowMs`. Only the
 * claims of a token that passes may be used; the website shows exactly that document, locale and
 * status, and opens `path`.
 */
export function verifyPreviewToken(secret: string, token: unknown, nowMs: number = Date.now()): PreviewVerification {
  if (typeof secret !== 'string' || secret === '') return { ok: false, reason: 'signature' };
  // 4 KB is far above a real token (about 400 characters) and bounds the work on junk.
  if (typeof token !== 'string' || token.length > 4096) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0]) || !/^[A-Za-z0-9_-]+$/.test(parts[1])) {
    return { ok: false, reason: 'malformed' };
  }
  const [payload, signature] = parts;
  const expected = Buffer.from(sign(secret, payload), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };

  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const text = (key: string) => typeof claims?.[key] === 'string' && claims[key] !== '';
  const wellFormed =
    claims?.v === 1 &&
    ['type', 'uid', 'documentId', 'locale', 'path'].every(text) &&
    (claims.status === 'draft' || claims.status === 'published') &&
    String(claims.path).startsWith('/') &&
    !String(claims.path).startsWith('//') &&
    Number.isInteger(claims.exp);
  if (!wellFormed) return { ok: false, reason: 'malformed' };
  if ((claims.exp as number) * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, claims: claims as unknown as PreviewClaims };
}
