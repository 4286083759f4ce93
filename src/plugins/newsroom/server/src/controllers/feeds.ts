import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { FeedKind } from '../services/feeds';
import { getService } from '../utils/get-service';
import { notOneSlug } from '../utils/messages';

export interface Ctx {
  query: Record<string, unknown>;
  type: string;
  body: unknown;
  set(name: string, value: string): void;
}

/**
 * The filter slugs of a feed request, one per section page type (`?category=…&bloc=…`); a list or
 * an object where a slug belongs is a 400.
 */
export function parseFeedQuery(query: Record<string, unknown>, filterNames: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of filterNames) {
    const value = query[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value === '' || value.length > 255) throw new errors.ValidationError(notOneSlug(key));
    out[key] = value;
  }
  return out;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const feed = (kind: FeedKind) => async (ctx: Ctx) => {
    const loc = await getService(strapi, 'site').locales(ctx.query.locale);
    const feeds = getService(strapi, 'feeds');
    const filters = parseFeedQuery(ctx.query, feeds.filterNames());
    const { body, type, updated } = await feeds.build(kind, filters, loc);
    ctx.type = type;
    ctx.set('Last-Modified', updated.toUTCString());
    ctx.body = body;
  };
  return { rss: feed('rss'), atom: feed('atom'), json: feed('json') };
};
