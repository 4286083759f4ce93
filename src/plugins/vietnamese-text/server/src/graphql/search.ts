import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';

/**
 * `search(q:, locale:, type:, page:, pageSize:)` over GraphQL: the answer of GET /api/search
 * (published content only, the same parameter rules and messages), under its permission.
 */
const TYPE_DEFS = `
  type SearchHit { type: String! documentId: String! title: String! slug: String excerpt: String score: Float! }
  type SearchPagination { page: Int! pageSize: Int! pageCount: Int! total: Int! }
  type SearchResult { hits: [SearchHit!]! pagination: SearchPagination! "More matches exist than are ranked: refine the query." capped: Boolean! }
  extend type Query { search(q: String!, locale: String, type: String, page: Int, pageSize: Int): SearchResult! }
`;

interface SearchArgs {
  q: string;
  locale?: string | null;
  type?: string | null;
  page?: number | null;
  pageSize?: number | null;
}

export function registerSearchQuery(strapi: Core.Strapi): void {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  graphql.service('extension').use(() => ({
    typeDefs: TYPE_DEFS,
    resolvers: {
      Query: {
        async search(_parent: unknown, args: SearchArgs) {
          // The REST parser reads query-string values: the same strings, absent ones left out.
          const query = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, String(v)]));
          const { data, meta } = await getService(strapi, 'search').answer(query);
          return { hits: data, pagination: meta.pagination, capped: meta.capped };
        },
      },
    },
    resolversConfig: { 'Query.search': { auth: { scope: ['plugin::vietnamese-text.search.find'] } } },
  }));
}
