import type { ListRoute } from '../utils/tags';

export interface PluginConfig {
  /** Paths whose anonymous GET answers are cached (the content API and the plugins' public routes). */
  prefixes: string[];
  /** Never cached, even anonymous: account and upload routes. */
  exclude: string[];
  /** Memory for cached bodies in this process, in bytes (least recently used go first). */
  maxBytes: number;
  /** Larger answers are served but not kept. */
  maxEntryBytes: number;
  /** Seconds, for `Cache-Control`: browsers, shared caches (CDN), and their grace period. */
  maxAge: number;
  sMaxAge: number;
  staleWhileRevalidate: number;
  /** Redis shared by several instances (`redis://host:6379/0`), or '' for this process's memory. */
  redisUrl: string;
  /** Key prefix in Redis, so several sites can share one server. */
  redisPrefix: string;
  /** Entries (and the marks of touched tags) expire after this many seconds. */
  redisTtlSeconds: number;
  /**
   * `precise`: a write invalidates the answers whose tags it touches (utils/tags.ts); `flush-all`:
   * any write empties the cache, drafts included (the behaviour before tags, kept for comparison).
   */
  invalidation: 'precise' | 'flush-all';
  /** The app's collection types whose Strapi list route `GET /api/<pluralName>` enumerates them (tagged `t:`). */
  contentTypes: string[];
  /** Other routes that enumerate content types (feeds, search, sitemaps, pages listing stories). */
  lists: ListRoute[];
  /** Per type, the fields whose change can move a document in a list (sort keys, relations lists filter on). */
  membership: Record<string, string[]>;
  /**
   * Reads with credentials the app vouches are the public's own (a website's token reading
   * published content): answered as anonymous, from and into the cache. The Authorization header
   * is dropped for them, so Strapi answers with the Public role's rights and nothing more.
   */
  anonymousRead?: (request: { method: string; path: string; headers: Record<string, string | string[] | undefined>; query: unknown }) => Promise<boolean>;
  /** Longer tag lists are not sent (`Cache-Tag` limits: 16 KB at Cloudflare and Fastly); such answers get `s-maxage=0`. */
  maxTagHeaderBytes: number;
}

export const defaultConfig: PluginConfig = {
  prefixes: ['/api/'],
  exclude: ['/api/upload', '/api/auth', '/api/users', '/api/users-permissions', '/api/connect'],
  maxBytes: 64 * 1024 * 1024,
  maxEntryBytes: 4 * 1024 * 1024,
  maxAge: 0,
  sMaxAge: 60,
  staleWhileRevalidate: 30,
  redisUrl: '',
  redisPrefix: 'api-cache:',
  redisTtlSeconds: 3600,
  invalidation: 'precise',
  contentTypes: [],
  lists: [],
  membership: {},
  maxTagHeaderBytes: 8000,
};

const fail = (message: string): never => {
  throw new Error(`[api-cache] invalid config: ${message}`);
};

export function validateConfig(config: PluginConfig): void {
  const list = (v: unknown, name: string) => {
    if (!Array.isArray(v) || v.some((p) => typeof p !== 'string' || !p.startsWith('/'))) fail(`${name} must be a list of paths starting with "/"`);
  };
  list(config.prefixes, 'prefixes');
  list(config.exclude, 'exclude');
  const int = (v: unknown, name: string, min: number) => {
    if (!Number.isInteger(v) || (v as number) < min) fail(`${name} must be an integer ≥ ${min}`);
  };
  int(config.maxBytes, 'maxBytes', 1024);
  int(config.maxEntryBytes, 'maxEntryBytes', 1);
  int(config.maxAge, 'maxAge', 0);
  int(config.sMaxAge, 'sMaxAge', 0);
  int(config.staleWhileRevalidate, 'staleWhileRevalidate', 0);
  int(config.redisTtlSeconds, 'redisTtlSeconds', 1);
  if (typeof config.redisUrl !== 'string' || (config.redisUrl !== '' && !/^rediss?:\/\//.test(config.redisUrl))) fail('redisUrl must be "" or a redis:// URL');
  if (typeof config.redisPrefix !== 'string') fail('redisPrefix must be a string');
  if (config.anonymousRead !== undefined && typeof config.anonymousRead !== 'function') fail('anonymousRead must be a function');
  if (config.invalidation !== 'precise' && config.invalidation !== 'flush-all') fail('invalidation must be "precise" or "flush-all"');
  int(config.maxTagHeaderBytes, 'maxTagHeaderBytes', 100);
  const uids = (v: unknown) => Array.isArray(v) && v.every((u) => typeof u === 'string' && u.includes('::'));
  if (!uids(config.contentTypes)) fail('contentTypes must be a list of content-type uids');
  if (!Array.isArray(config.lists) || config.lists.some((r) => typeof r?.path !== 'string' || !r.path.startsWith('/') || !uids(r.types) || (r.scope !== undefined && r.scope !== 'contents' && r.scope !== 'membership')))
    fail('lists must be a list of { path: "/…", types: [uid…], scope?: "contents" | "membership" }');
  const membership = config.membership as unknown;
  if (membership === null || typeof membership !== 'object' || Object.entries(membership).some(([uid, fields]) => !uid.includes('::') || !Array.isArray(fields) || fields.some((f) => typeof f !== 'string')))
    fail('membership must map content-type uids to lists of field names');
}

export default { default: defaultConfig, validator: validateConfig };
