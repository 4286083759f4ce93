import type { Core } from '@strapi/strapi';
import { canonicalPath, findPathProblem } from '../validation/path';

/**
 * First in the chain, so CORS, the rate limits, the cache and the request guard all see the path
 * the router will see (src/validation/path.ts says which forms and why). Runs before
 * strapi::errors, so it writes its 400 itself, in Strapi's error shape.
 */
const canonicalPathMiddleware: Core.MiddlewareFactory = () => async (ctx, next) => {
  const problem = findPathProblem(ctx.path);
  if (problem) {
    ctx.status = 400;
    ctx.body = { data: null, error: { status: 400, name: 'ValidationError', message: problem, details: {} } };
    return;
  }
  const canonical = canonicalPath(ctx.path);
  // Koa keeps the query string when the path is set.
  if (canonical !== ctx.path) ctx.path = canonical;
  return next();
};

export default canonicalPathMiddleware;
