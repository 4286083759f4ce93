import { routeKey } from '../validation/path';

/** A limit: at most `limit` requests per `windowMs`, per key. */
export interface Rule {
  limit: number;
  windowMs: number;
}

export type Bucket = 'api' | 'search' | 'login' | 'website';

export interface RateLimitSettings {
  enabled: boolean;
  rules: Record<Bucket, Rule>;
  /** Redis shared by every instance; empty means each process counts on its own. */
  redisUrl: string;
  redisPrefix: string;
}

const UNITS: Record<string, number> = { s: 1000, sec: 1000, m: 60_000, min: 60_000, h: 3_600_000, hour: 3_600_000 };

/** Parses "600/min", "10/15min", "5/30s", "1000/h". Throws on anything else (a typo must not turn limits off). */
export function parseRule(text: string, name = 'rule'): Rule {
  const match = /^\s*(\d+)\s*\/\s*(\d*)\s*([a-z]+)\s*$/i.exec(text);
  const unit = match && UNITS[match[3].toLowerCase()];
  const limit = match ? Number(match[1]) : 0;
  const times = match && match[2] !== '' ? Number(match[2]) : 1;
  if (!unit || limit < 1 || times < 1) {
    throw new Error(`${name} must look like "600/min", "10/15min" or "5/30s" (got "${text}").`);
  }
  return { limit, windowMs: times * unit };
}

export const DEFAULT_RULES: Record<Bucket, string> = {
  api: '600/min',
  search: '120/min',
  login: '10/15min',
  // A website's server (src/security/website-token.ts), one budget for all its visitors: 100 req/s.
  website: '6000/min',
};

/** Settings from the environment: RATE_LIMIT=off, RATE_LIMIT_API/SEARCH/LOGIN/WEBSITE, RATE_LIMIT_REDIS_URL (or CACHE_REDIS_URL). */
export function readRateLimitSettings(env: Record<string, string | undefined>): RateLimitSettings {
  const rule = (bucket: Bucket) => {
    const name = `RATE_LIMIT_${bucket.toUpperCase()}`;
    return parseRule(env[name] || DEFAULT_RULES[bucket], name);
  };
  return {
    enabled: (env.RATE_LIMIT ?? 'on').trim().toLowerCase() !== 'off',
    rules: { api: rule('api'), search: rule('search'), login: rule('login'), website: rule('website') },
    redisUrl: env.RATE_LIMIT_REDIS_URL || env.CACHE_REDIS_URL || '',
    redisPrefix: env.RATE_LIMIT_REDIS_PREFIX || 'rate-limit:',
  };
}

const LOGIN_PATHS = new Set(['/admin/login', '/api/auth/local', '/admin/forgot-password', '/api/auth/forgot-password']);
const SEARCH = /^\/api\/search(\/|$)/;

/**
 * Which limit a request counts against; null for requests no limit applies to (the admin's own API,
 * static files). Decided on the path as the router matches it (`/API/auth/local/` is a login).
 */
export function classifyRequest(method: string, rawPath: string): Bucket | null {
  const path = routeKey(rawPath);
  if (method === 'POST' && LOGIN_PATHS.has(path)) return 'login';
  if (method === 'OPTIONS') return null;
  if (SEARCH.test(path)) return 'search';
  // The content API, the newsroom's pages and feeds, uploads: everything under /api; and GraphQL,
  // the same content by another door (650 queries in 49 s went through before it counted).
  if (path === '/api' || path.startsWith('/api/') || path === '/graphql') return 'api';
  return null;
}

/** The login limit's key: who is asking and for which account (case and spaces do not make a new key). */
export function loginKey(ip: string, body: unknown): string {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const raw = fields.identifier ?? fields.email ?? '';
  const identifier = typeof raw === 'string' ? raw.trim().toLowerCase().slice(0, 200) : '';
  return `${ip}|${identifier}`;
}
