import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { makeMediaAbsolute, mediaBase } from '../media/absolute-media';

/**
 * Every media URL in a REST (/api/…) or GraphQL JSON answer made absolute on PUBLIC_MEDIA_URL
 * (src/media/absolute-media.ts). Inside the api-cache, so cached answers are stored rewritten.
 */
export default (config: { baseUrl?: string }, { strapi }: { strapi: Core.Strapi }) => {
  const base = () => mediaBase(config.baseUrl, strapi.config.get('server.absoluteUrl') as string);
  return async (ctx: Context, next: Next) => {
    await next();
    if (!(ctx.path.startsWith('/api/') || ctx.path === '/graphql') || !ctx.response.is('json')) return;
    if (typeof ctx.body === 'string') {
      // Apollo answers GraphQL with the JSON text already written.
      if (!ctx.body.includes('"mime"')) return;
      const parsed: unknown = JSON.parse(ctx.body);
      if (makeMediaAbsolute(parsed, base()) > 0) ctx.body = JSON.stringify(parsed);
      return;
    }
    if (typeof ctx.body === 'object' && ctx.body !== null && !Buffer.isBuffer(ctx.body) && typeof (ctx.body as { pipe?: unknown }).pipe !== 'function') {
      makeMediaAbsolute(ctx.body, base());
    }
  };
};
