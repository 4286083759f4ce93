import type { Context, Next } from 'koa';

/**
 * Uploaded files for a year, `immutable`: a URL under /uploads never shows other bytes. Strapi keeps
 * a file's URL when it is replaced; the image pipeline gives replaced content a new hash (its
 * `replacing`), and crops a name with their focal point, so each URL is one content for good.
 */
export const UPLOAD_CACHE_CONTROL = 'public, max-age=31536000, immutable';

export const isUploadPath = (path: string) => /^\/uploads\/[^/]/.test(path);

export default () => async (ctx: Context, next: Next) => {
  await next();
  if ((ctx.method === 'GET' || ctx.method === 'HEAD') && isUploadPath(ctx.path) && [200, 206, 304].includes(ctx.status)) {
    ctx.set('Cache-Control', UPLOAD_CACHE_CONTROL);
  }
};
