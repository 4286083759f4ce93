import type { Context, Next } from 'koa';
import { errors } from '@strapi/utils';
import { isContentApiPath, routeKey } from '../validation/path';
import { findFileInfoProblem, findQueryProblem } from '../validation/query';
import { describeStructureProblem, findNameParamProblem, findStructureProblem } from '../validation/structure';

/**
 * Refuses malformed input with a 400 before a controller sees it. Placed after strapi::body.
 * - Every route (content API, admin, GraphQL): bodies nested too deep or with keys named like
 *   Object.prototype members, attribute-name parameters (fields, sort, populate) naming one, and
 *   broken upload metadata (fileInfo): Strapi answers all of these with a 500.
 * - The content API: malformed pagination and locale codes, NUL (Strapi would answer a negative
 *   page size with every row, and PostgreSQL fails on NUL).
 * Paths are judged as the router matches them (`/API/search/` is the search).
 */
// The search plugin cleans and folds its own q (NUL included, as its tests show); other values reach SQL as sent.
const checkedQuery = (path: string, query: Record<string, unknown>) => {
  if (routeKey(path) !== '/api/search') return query;
  const { q: _cleanedBySearch, ...rest } = query;
  return rest;
};

export default () => async (ctx: Context, next: Next) => {
  const query = ctx.query as Record<string, unknown>;
  const body = (ctx.request as { body?: unknown }).body;
  const structure = findStructureProblem(body);
  const problem =
    (structure && describeStructureProblem(structure, 'Dữ liệu gửi lên')) ??
    findFileInfoProblem((body as { fileInfo?: unknown } | undefined)?.fileInfo) ??
    findNameParamProblem(query) ??
    (isContentApiPath(ctx.path) ? findQueryProblem(checkedQuery(ctx.path, query)) : null);
  if (problem) throw new errors.ValidationError(problem);
  return next();
};
