import { createHash } from 'node:crypto';

export interface CacheControlOptions {
  maxAge: number;
  sMaxAge: number;
  staleWhileRevalidate: number;
}

/** `Cache-Control` of a public answer: browsers, shared caches (CDN) and their grace period. */
export function cacheControl(o: CacheControlOptions): string {
  const parts = ['public', `max-age=${o.maxAge}`, `s-maxage=${o.sMaxAge}`];
  if (o.staleWhileRevalidate > 0) parts.push(`stale-while-revalidate=${o.staleWhileRevalidate}`);
  return parts.join(', ');
}

/** A strong ETag: the body's own hash, so equal bytes give equal tags on every instance. */
export const etagOf = (body: Buffer): string => `"${createHash('sha1').update(body).digest('base64url')}"`;

/** Does `If-None-Match` name this tag? (`*`, lists, and weak forms compare equal for GET.) */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Whether a request may be answered from, or stored in, the shared cache: anonymous reads only.
 * Anything carrying credentials (an API token can read drafts) goes to Strapi every time.
 */
export function isCacheableRequest(req: { method: string; path: string; headers: Record<string, string | string[] | undefined> }, prefixes: string[], exclude: string[]): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (req.headers.authorization !== undefined || req.headers.cookie !== undefined) return false;
  // Strapi's router matches paths case-insensitively: `/API/Users` must be excluded like `/api/users`.
  const path = foldAscii(req.path);
  if (!prefixes.some((p) => path.startsWith(foldAscii(p)))) return false;
  return !exclude.some((configured) => {
    const p = foldAscii(configured);
    return path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`);
  });
}

/** ASCII letters in lower case, as the router's case-insensitive match folds them (no other letter). */
const foldAscii = (text: string): string => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
