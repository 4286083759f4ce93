import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::article.article', () => ({
  // Newest news first unless the client asks for another order.
  async find(ctx) {
    if (ctx.query.sort === undefined) ctx.query = { ...ctx.query, sort: ['dateline:desc', 'id:desc'] };
    return super.find(ctx);
  },
}));
