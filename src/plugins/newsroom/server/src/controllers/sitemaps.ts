import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';

export interface Ctx {
  params: { name: string };
  type: string;
  body: unknown;
}

const XML = 'application/xml; charset=utf-8';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const sitemaps = () => getService(strapi, 'sitemaps');
  return {
    async index(ctx: Ctx) {
      ctx.type = XML;
      ctx.body = await sitemaps().index();
    },
    async part(ctx: Ctx) {
      ctx.body = await sitemaps().part(ctx.params.name);
      ctx.type = XML;
    },
    async news(ctx: Ctx) {
      ctx.type = XML;
      ctx.body = await sitemaps().news();
    },
  };
};
