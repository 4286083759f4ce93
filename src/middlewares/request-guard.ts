import type { Context, Next } from 'koa';
import { errors } from '@strapi/utils';
import { findFileInfoProblem, findPathProblem, findQueryProblem } from '../validation/query';

/**
 * Refuses malformed query parameters and upload metadata of the content API with a 400 before a
 * controller sees them (Strapi would answer a negative page size with every row, and NUL or a
 * broken fileInfo with a 500). Placed after strapi::body.
 */
// The search plugin cleans and folds its own q (NUL included, as its tests show); other values reach SQL as sent.
const checkedQuery = (path: string, query: Record<string, unknown>) => {
  if (path !== '/api/search') return query;
  const { q: _cleanedBySearch, ...rest } = query;
  return rest;
};

export default () => async (ctx: Context, next: Next) => {
  if (ctx.path.startsWith('/api/')) {
    const problem =
      findPathProblem(ctx.path) ??
      findQueryProblem(checkedQuery(ctx.path, ctx.query as Record<string, unknown>)) ??
      findFileInfoProblem(((ctx.request as { body?: unknown }).body as { fileInfo?: unknown } | undefined)?.fileInfo);
    if (problem) throw new errors.ValidationError(problem);
  }
  return next();
};
