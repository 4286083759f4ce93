import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { PluginConfig } from '../config';
import { parseListParams } from '../controllers/pages';
import { bySlugLocation } from '../utils/urls';
import { getService } from '../utils/get-service';

/**
 * GraphQL parity for the pages by slug: `articlePage(slug:)`, `categoryPage(slug:)`, … (one
 * query per configured page type) answer what the REST by-slug route answers, from the same
 * service (published entries only, sanitized with the caller's auth), under the same permission.
 * The entry itself is `entry: JSON` (as REST gives it, populated for rendering); the extras are typed.
 */
const TYPE_DEFS = `
  type NewsroomAlternate { locale: String! slug: String! url: String! }
  type NewsroomRedirect { slug: String! url: String! location: String! }
  type NewsroomPagination { page: Int! pageSize: Int! pageCount: Int! total: Int! }
  type NewsroomCard {
    documentId: String!
    title: String!
    slug: String!
    locale: String!
    dateline: String
    datelineText: String
    dateText: String
    url: String!
    cover: JSON
  }
  type NewsroomPage {
    "Set when the slug asked for is a previous one: the page is at redirect.slug (REST answers 301)."
    redirect: NewsroomRedirect
    documentId: String
    slug: String
    locale: String
    "Articles: the title; other pages: null (they have a name)."
    title: String
    name: String
    "The entry as the REST by-slug route gives it, populated for rendering."
    entry: JSON
    url: String
    datelineText: String
    dateText: String
    related: [NewsroomCard!]
    articles: [NewsroomCard!]
    pagination: NewsroomPagination
    currentTerm: JSON
    alternates: [NewsroomAlternate!]
    jsonLd: JSON
    jsonLdScript: String
    meta: JSON
  }
`;

interface PageArgs {
  slug: string;
  locale?: string | null;
  page?: number | null;
  pageSize?: number | null;
}
type Body = { data: Record<string, unknown>; meta: { pagination?: unknown } };

/** `articlePage`, `blocPage`… from the page type's key ("article", "bloc"). */
export const queryName = (type: string) => `${type.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())}Page`;

export function registerPageQueries(strapi: Core.Strapi): void {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  const types = Object.keys((strapi.config.get('plugin::newsroom') as PluginConfig).pages);

  const resolve = (type: string) => async (_parent: unknown, args: PageArgs, context: { state?: { auth?: unknown } }) => {
    const site = getService(strapi, 'site');
    const loc = await site.locales(args.locale ?? undefined);
    const list = parseListParams({ page: args.page == null ? undefined : String(args.page), pageSize: args.pageSize == null ? undefined : String(args.pageSize) }, 10);
    try {
      const result = await getService(strapi, 'pages').find(type, args.slug, loc, list, context.state?.auth);
      if (result.kind === 'redirect') {
        const query = args.locale ? `locale=${encodeURIComponent(args.locale)}` : '';
        const location = bySlugLocation(strapi.config.get('api.rest.prefix', '/api') as string, site.page(type).route, result.slug, query);
        return { redirect: { slug: result.slug, url: result.url, location } };
      }
      const { data, meta } = result.body as Body;
      return {
        ...data,
        redirect: null,
        title: data.title ?? null,
        name: data.name ?? null,
        entry: data,
        pagination: meta.pagination ?? null,
      };
    } catch (error) {
      // As Strapi's own `article(documentId:)`: a page that is not there (or not published) is null.
      if (error instanceof errors.NotFoundError) return null;
      throw error;
    }
  };

  const args = 'slug: String!, locale: String, page: Int, pageSize: Int';
  graphql.service('extension').use(() => ({
    typeDefs: `${TYPE_DEFS}\n  extend type Query {\n${types.map((t) => `    ${queryName(t)}(${args}): NewsroomPage`).join('\n')}\n  }`,
    resolvers: { Query: Object.fromEntries(types.map((t) => [queryName(t), resolve(t)])) },
    // The REST route's permission: whoever may read the page there may read it here.
    resolversConfig: Object.fromEntries(types.map((t) => [`Query.${queryName(t)}`, { auth: { scope: [`plugin::newsroom.pages.${t}`] } }])),
  }));
}
