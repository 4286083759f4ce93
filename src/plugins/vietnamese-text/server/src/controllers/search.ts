import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { PluginConfig } from '../config';
import { parseSearchParams } from '../utils/search-params';
import { QueryError } from '../utils/search-text';
import { getService } from '../utils/get-service';

type Ctx = { query: Record<string, unknown>; body: unknown };

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/search?q=&locale=&type=&page=&pageSize= over published content. */
  async find(ctx: Ctx) {
    const index = getService(strapi, 'searchIndex');
    const i18n = strapi.plugin('i18n').service('locales');
    const locales = ((await i18n.find()) as { code: string }[]).map((l) => l.code);
    let params;
    try {
      params = parseSearchParams(ctx.query, {
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
    ctx.body = {
      data: hits,
      meta: {
        pagination: { page: params.page, pageSize: params.pageSize, pageCount: Math.ceil(total / params.pageSize), total },
        // More matches exist than are served: refine the query to reach them.
        capped,
      },
    };
  },
});
