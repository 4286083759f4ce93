import type { Core, UID } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { errors } from '@strapi/utils';
import type { GetModel } from '../security/published-query';
import { countedFanOut } from '../security/fan-out';
import { HEAVY_QUEUE_FULL_MESSAGE, heavyReads } from '../security/heavy-gate';
import {
  describeGraphqlSizeProblem,
  describePopulateProblem,
  describeRecordsProblem,
  estimateRecords,
  findFilterProblem,
  graphqlRequestBytes,
  measurePopulate,
  populateTree,
  requestedRows,
  toManyPairs,
  type BoundsSettings,
} from '../security/request-bounds';
import { routeKey } from '../validation/path';

/** Fan-outs are recounted once a minute: relations change with editing, not per request. */
const FAN_OUT_TTL_MS = 60_000;
/** Assumed rows per relation whose join table cannot be counted. */
const FAN_OUT_FALLBACK = 50;

/**
 * Refuses a content-API read asking for too much before Strapi reads anything: populate too deep
 * or too wide, too many filter conditions, or an answer estimated past the row limit (page size ×
 * the counted fan-outs of every populated path); a GraphQL document over its byte limit, before it
 * is parsed. Placed after strapi::body and the request guard.
 */
export default (config: BoundsSettings, { strapi }: { strapi: Core.Strapi }) => {
  // The same gate as config/plugins.ts gave the GraphQL plugin (same settings, same process).
  const heavy = heavyReads();
  const getModel: GetModel = (uid) => strapi.getModel(uid as UID.Schema) as ReturnType<GetModel>;
  const fanOut = countedFanOut(strapi, FAN_OUT_TTL_MS, FAN_OUT_FALLBACK);
  let routes: Map<string, string> | undefined;
  /** "/api/articles" → api::article.article (collection and single types by their API names). */
  const uidOfPath = (path: string): string | undefined => {
    if (!routes) {
      routes = new Map();
      for (const [uid, ct] of Object.entries(strapi.contentTypes)) {
        if (!uid.startsWith('api::')) continue;
        const info = (ct as { info: { pluralName: string; singularName: string }; kind: string }).info;
        routes.set((ct as { kind: string }).kind === 'singleType' ? info.singularName : info.pluralName, uid);
      }
    }
    const match = /^\/api\/([^/]+)(?:\/[^/]+)?$/.exec(routeKey(path));
    return match ? routes.get(match[1]) : undefined;
  };
  const api = strapi.config.get('api.rest', {}) as { defaultLimit?: number; maxLimit?: number };

  return async (ctx: Context, next: Next) => {
    if (routeKey(ctx.path) === '/graphql') {
      const bytes = graphqlRequestBytes(ctx.get('Content-Length') || undefined, ctx.querystring);
      const problem = describeGraphqlSizeProblem(bytes, config.graphqlMaxBytes);
      if (problem) throw new errors.ValidationError(problem);
      return next();
    }
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const uid = uidOfPath(ctx.path);
    if (!uid) return next();
    const query = ctx.query as { populate?: unknown; filters?: unknown; pagination?: unknown };
    const filterProblem = findFilterProblem(query, config.filters);
    if (filterProblem) throw new errors.ValidationError(filterProblem);
    if (query.populate === undefined) return next();

    const tree = populateTree(query.populate);
    const problem = describePopulateProblem(measurePopulate(tree, uid, getModel), config.populate);
    if (problem) throw new errors.ValidationError(problem);
    // One document (`/api/articles/:id`) or a page of them.
    const isOne = /^\/api\/[^/]+\/[^/]+$/.test(routeKey(ctx.path));
    const rows = isOne ? 1 : requestedRows(query.pagination, api.defaultLimit ?? 25, api.maxLimit ?? 100);
    const lookup = await fanOut.load(toManyPairs(tree, uid, getModel));
    const records = estimateRecords(tree, uid, getModel, lookup, rows);
    const tooBig = describeRecordsProblem(records, config.maxRecords);
    if (tooBig) throw new errors.ValidationError(tooBig, { estimatedRecords: records, maxRecords: config.maxRecords });
    // Allowed but heavy: it waits for its turn (src/security/heavy-gate.ts).
    if (records < heavy.settings.minRecords) return next();
    if (!(await heavy.gate.run(next))) throw new errors.RateLimitError(HEAVY_QUEUE_FULL_MESSAGE);
  };
};
