import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { PluginConfig } from '../config';
import type { ListParams } from '../services/pages';
import type { PageType } from '../services/site';
import { bySlugLocation } from '../utils/urls';
import { getService } from '../utils/get-service';
import { notAnIntegerIn } from '../utils/messages';

export interface Ctx {
  params: { slug: string };
  query: Record<string, unknown>;
  state: { auth?: unknown };
  status: number;
  body: unknown;
  querystring: string;
  set(name: string, value: string): void;
}

const MAX_PAGE_SIZE = 50;

/** `page` and `pageSize` of the article list on taxonomy pages; anything else is a 400. */
export function parseListParams(query: Record<string, unknown>, defaultSize: number): ListParams {
  const int = (name: string, fallback: number, max: number) => {
    const raw = query[name];
    if (raw === undefined || raw === '') return fallback;
    const n = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > max) throw new errors.ValidationError(notAnIntegerIn(name, max));
    return n;
  };
  return { page: int('page', 1, 100_000), pageSize: int('pageSize', defaultSize, MAX_PAGE_SIZE) };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const page = (type: PageType) => async (ctx: Ctx) => {
    const site = getService(strapi, 'site');
    const loc = await site.locales(ctx.query.locale);
    const list = parseListParams(ctx.query, 10);
    const result = await getService(strapi, 'pages').find(type, ctx.params.slug, loc, list, ctx.state.auth);
    if (result.kind === 'redirect') {
      // A previous slug: a plain fetch follows to the current page; a client that stops at 301 reads where.
      const location = bySlugLocation(strapi.config.get('api.rest.prefix', '/api') as string, site.page(type).route, result.slug, ctx.querystring);
      ctx.status = 301;
      ctx.set('Location', location);
      ctx.body = { data: null, redirect: { slug: result.slug, url: result.url, location } };
      return;
    }
    ctx.body = result.body;
  };
  // One action per configured page type (routes/content-api.ts names them `pages.<type>`).
  const types = Object.keys((strapi.config.get('plugin::newsroom') as PluginConfig).pages);
  return Object.fromEntries(types.map((type) => [type, page(type)]));
};
