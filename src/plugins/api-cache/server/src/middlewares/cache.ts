import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../config';
import type { Store } from '../services/store';
import { cacheKey } from '../utils/cache-key';
import { cacheControl, etagOf, isCacheableRequest, matchesEtag } from '../utils/http';
import type { CachedResponse } from '../utils/lru';
import { getService } from '../utils/get-service';
import { answerTags, coreListRoutes, tagHeaders, type ListRoute } from '../utils/tags';

export interface Ctx {
  method: string;
  path: string;
  /** Parsed by qs: strapi::query installs its getter on the app, ahead of every middleware. */
  query: unknown;
  headers: Record<string, string | string[] | undefined>;
  status: number;
  body: unknown;
  type: string;
  get(name: string): string;
  set(name: string, value: string): void;
  response: { get(name: string): string; headers: Record<string, string | string[] | number | undefined> };
}

/** Set per answer by this middleware or by Koa itself, never replayed from an entry. */
const OWN_HEADERS = new Set(['cache-tag', 'surrogate-key', 'content-type', 'content-length', 'etag', 'cache-control', 'vary', 'x-cache', 'last-modified', 'date', 'set-cookie', 'transfer-encoding', 'connection', 'keep-alive']);

/** What other middlewares added to a fresh answer (security headers, CORS, powered-by). */
function replayable(headers: Record<string, string | string[] | number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!OWN_HEADERS.has(name.toLowerCase()) && value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

const isStream = (body: unknown) => body !== null && typeof body === 'object' && typeof (body as { pipe?: unknown }).pipe === 'function';

/** A JSON answer parsed for its documents; XML and other text carry only their route's tags. */
function parsedBody(body: unknown): unknown {
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) return body;
  const text = body.toString();
  if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Serves anonymous reads from the cache and stores fresh 200s with their tags. */
export default (_options: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const store = () => getService(strapi, 'store');
  let coreLists: ((path: string) => string[]) | undefined;
  /** The configured list routes plus Strapi's own `GET /api/<pluralName>` for this path. */
  const listsFor = (config: PluginConfig, path: string): ListRoute[] => {
    coreLists ??= coreListRoutes(strapi.contentTypes as unknown as Parameters<typeof coreListRoutes>[0], config.contentTypes);
    const types = coreLists(path);
    return types.length ? [...config.lists, { path, types }] : config.lists;
  };

  return async (ctx: Ctx, next: () => Promise<void>) => {
    const config = strapi.config.get('plugin::api-cache') as PluginConfig;
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD' && ctx.method !== 'OPTIONS') {
      // A request without credentials changes no content (the public role only reads; logins
      // write no document): an anonymous GraphQL query, or junk POSTed in a loop, must not empty
      // the cache for everyone. Document Service writes are bracketed on their own (register.ts).
      if (ctx.headers.authorization === undefined && ctx.headers.cookie === undefined) return next();
      // flush-all: any write through HTTP (REST, the admin, uploads) empties the cache once done.
      // Precise: the writes themselves touch their tags (services/changes.ts, bootstrap.ts).
      return config.invalidation === 'flush-all' ? store().during(['*'], next) : next();
    }
    if (ctx.headers.authorization !== undefined && ctx.headers.cookie === undefined && config.anonymousRead && (await config.anonymousRead(ctx))) {
      delete ctx.headers.authorization;
    }
    if (!isCacheableRequest(ctx, config.prefixes, config.exclude)) return next();

    // CORS answers depend on the Origin asking: one entry per origin.
    const origin = ctx.get('Origin');
    const key = cacheKey('GET', ctx.path, ctx.query) + (origin ? ` @${origin}` : '');
    const answer = (entry: CachedResponse, state: 'HIT' | 'MISS' | 'BYPASS') => {
      if (state === 'HIT') for (const [name, value] of Object.entries(entry.headers ?? {})) ctx.set(name, value);
      ctx.set('ETag', entry.etag);
      // A CDN may keep the answer only if it can purge it by the same tags as ours.
      const tags = tagHeaders(entry.tags ?? [], config.maxTagHeaderBytes);
      if (tags) {
        ctx.set('Cache-Tag', tags.cacheTag);
        ctx.set('Surrogate-Key', tags.surrogateKey);
      }
      ctx.set('Cache-Control', cacheControl(tags ? config : { ...config, sMaxAge: 0 }));
      // A shared cache must not give this anonymous answer to a request with credentials, nor one
      // origin's CORS headers to another.
      ctx.set('Vary', 'Authorization, Cookie, Origin');
      ctx.set('X-Cache', state);
      if (entry.lastModified) ctx.set('Last-Modified', entry.lastModified);
      if (matchesEtag(ctx.get('If-None-Match'), entry.etag)) {
        ctx.status = 304;
        ctx.body = null;
        return;
      }
      ctx.status = entry.status;
      ctx.type = entry.type;
      ctx.body = entry.body;
    };

    let looked: Awaited<ReturnType<Store['lookup']>>;
    try {
      looked = await store().lookup(key);
    } catch (error) {
      // This runs before Strapi's error handler: a cache fault must never become a failed request.
      strapi.log.warn(`[api-cache] lookup failed, answering without the cache: ${(error as Error).message}`);
      return next();
    }
    const { entry: hit, generation } = looked;
    if (hit) return answer(hit, 'HIT');

    await next();
    if (ctx.status !== 200 || ctx.body === null || ctx.body === undefined || isStream(ctx.body) || ctx.response.get('Set-Cookie')) return;
    const body = Buffer.isBuffer(ctx.body) ? ctx.body : Buffer.from(typeof ctx.body === 'string' ? ctx.body : JSON.stringify(ctx.body));
    const entry: CachedResponse = {
      status: 200,
      body,
      type: ctx.response.get('Content-Type') || 'application/json; charset=utf-8',
      etag: etagOf(body),
      lastModified: ctx.response.get('Last-Modified') || undefined,
      headers: replayable(ctx.response.headers),
      tags: answerTags({ path: ctx.path, query: ctx.query, body: parsedBody(ctx.body), lists: listsFor(config, ctx.path) }),
    };
    await store().set(key, entry, generation, entry.tags);
    answer(entry, generation === null ? 'BYPASS' : 'MISS');
  };
};
