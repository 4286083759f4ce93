import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { PluginConfig } from '../config';
import { parseSearchParams } from '../utils/search-params';
import { QueryError } from '../utils/search-text';
import { getService } from '../utils/get-service';

/** The site search's answer for raw parameters, shared by GET /api/search and the `search` GraphQL query. */
export const search = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `{ data: hits, meta: { pagination, capped } }`; a bad parameter is a ValidationError (400). */
  async answer(query: Record<string, unknown>) {
    const index = getService(strapi, 'searchIndex');
    const i18n = strapi.plugin('i18n').service('locales');
    const locales = ((await i18n.find()) as { code: string }[]).map((l) => l.code);
    let params;
    try {
      params = parseSearchParams(query, {
        types: index.types(),
        locales,
        defaultLocale: await i18n.getDefaultLocale(),
        maxPageSize: (strapi.config.get('plugin::vietnamese-text') as PluginConfig).search.maxPageSize,
      });
    } catch (error) {
      if (error instanceof QueryError) throw new errors.ValidationError(error.message);
      throw error;
    }
    const { hits, total, capped } = await index.search(params.query, params);
    return {
      data: hits,
      meta: {
        pagination: { page: params.page, pageSize: params.pageSize, pageCount: Math.ceil(total / params.pageSize), total },
        // More matches exist than are served: refine the query to reach them.
        capped,
      },
    };
  },
});
