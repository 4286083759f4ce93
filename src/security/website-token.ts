import type { Core } from '@strapi/strapi';

/**
 * API tokens a website's own server uses: read-only, and named with WEBSITE_TOKEN_PREFIX
 * ("website:" unless set), so an administrator marks one by its name in Settings → API Tokens.
 * Such a token reads published content like the public does, so its reads share the public cache
 * (api-cache `anonymousRead`) and have a budget of their own (RATE_LIMIT_WEBSITE) instead of the
 * per-address one a server-rendered site exhausts at 10 req/s. `status=draft` (a preview) goes on
 * with the token, and is never cached.
 */
export interface TokenRow {
  id: number;
  name: string;
  type: string;
  kind?: string | null;
  expiresAt?: string | Date | null;
}

/** The key of `Authorization: Bearer <key>`, or null. */
export function bearerOf(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  return match ? match[1] : null;
}

export function isWebsiteToken(row: TokenRow | null | undefined, prefix: string, now: number): boolean {
  if (!row || row.type !== 'read-only' || (row.kind ?? 'content-api') !== 'content-api') return false;
  if (row.expiresAt && new Date(row.expiresAt).getTime() <= now) return false;
  return prefix !== '' && row.name.toLowerCase().startsWith(prefix.toLowerCase());
}

/** A read that may be answered as the public's: no draft asked for. */
export function isPublishedRead(method: string, query: unknown): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const status = query !== null && typeof query === 'object' ? (query as Record<string, unknown>).status : undefined;
  return status === undefined || status === 'published';
}

// A revoked or renamed token keeps its standing this long at most; what it reads through it is
// public anyway. 30 s turns one token lookup per request into one per half minute.
const REMEMBER_MS = 30_000;
const MAX_REMEMBERED = 1000;
const remembered = new WeakMap<Core.Strapi, Map<string, { id: number | null; until: number }>>();

/** The website token's id for this Authorization header, or null (no token, another token, unknown). */
export async function websiteTokenId(strapi: Core.Strapi, authorization: string | string[] | undefined, env: Record<string, string | undefined> = process.env): Promise<number | null> {
  const key = bearerOf(authorization);
  if (!key) return null;
  const service = strapi.service('admin::api-token') as { hash(accessKey: string): string };
  const hash = service.hash(key);
  let memo = remembered.get(strapi);
  if (!memo) remembered.set(strapi, (memo = new Map()));
  const now = Date.now();
  const known = memo.get(hash);
  if (known && known.until > now) return known.id;
  const row = (await strapi.db.query('admin::api-token').findOne({ where: { accessKey: hash }, select: ['id', 'name', 'type', 'kind', 'expiresAt'] })) as TokenRow | null;
  const id = isWebsiteToken(row, env.WEBSITE_TOKEN_PREFIX ?? 'website:', now) ? (row as TokenRow).id : null;
  if (memo.size >= MAX_REMEMBERED) memo.clear();
  memo.set(hash, { id, until: now + REMEMBER_MS });
  return id;
}
