import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';

type Ctx = { query: Record<string, unknown>; body: unknown };

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/search?q=&locale=&type=&page=&pageSize= over published content. */
  async find(ctx: Ctx) {
    ctx.body = await getService(strapi, 'search').answer(ctx.query);
  },
});
