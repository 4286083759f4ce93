import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { assertPopulateSorts, publishedOnlyQuery, UnsafeQueryError, type GetModel, type ReadQuery } from '../security/published-query';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

interface RequestState {
  route?: { info?: { type?: string } };
  auth?: { strategy?: { name?: string } };
}

/**
 * True for a content-API request made by the Public or Authenticated (users-permissions) role.
 * API tokens are made by administrators on purpose (e.g. for a frontend's preview) and keep drafts.
 */
export function isPublicReader(state: RequestState | undefined): boolean {
  return state?.route?.info?.type === 'content-api' && !API_TOKEN_STRATEGIES.has(state.auth?.strategy?.name ?? '');
}

/** Strapi 5.54 names its API-token strategy `content-api-token`; earlier 5.x releases, `api-token`. */
const API_TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

const currentState = (strapi: Core.Strapi) => (strapi.requestContext.get() as { state?: RequestState } | undefined)?.state;

/** The models' schemas as the pure rewrite reads them. */
const modelsOf =
  (strapi: Core.Strapi): GetModel =>
  (uid) =>
    strapi.getModel(uid as UID.Schema) as ReturnType<GetModel>;

/** A refusal of the pure checks as the 400 the client reads. */
function refusing<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof UnsafeQueryError) throw new errors.ValidationError(error.message, { path: error.path });
    throw error;
  }
}

/** The public reader's query made published-only, or a 400 naming what cannot be. */
const restrict = <Q extends ReadQuery>(strapi: Core.Strapi, query: Q, uid: string): Q => refusing(() => publishedOnlyQuery(query, uid, modelsOf(strapi)));

/**
 * Content-API reads. Strapi 5's REST API accepts `?status=draft` from anyone allowed to read, which hands
 * embargoed drafts (and unpublished edits of published news) to the public, and evaluates
 * filters through relations on draft rows too. Every Document Service read made while serving a
 * public reader is pinned to published versions here, whichever route or plugin makes it, with
 * its filters, sorts and populates made published-only at every depth. GraphQL resolves nested
 * relations with the query engine directly, after the content API's query sanitizer: that
 * sanitizer gets the same rewrite.
 */
export function registerPublishedOnly(strapi: Core.Strapi): void {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (!READ_ACTIONS.has(context.action)) return next();
    const state = currentState(strapi);
    if (state?.route?.info?.type !== 'content-api') return next();
    const params = context.params as ReadQuery & { status?: string };
    // Every content-API caller, API tokens included: a shape Strapi cannot run is a 400, not a 500.
    refusing(() => assertPopulateSorts(params.populate));
    if (!isPublicReader(state)) return next();

    if (params.status !== undefined && params.status !== 'published') {
      // A PolicyError is the 403 whose message Strapi's authorize step lets through to the client.
      throw new errors.PolicyError('Drafts are not public: remove "status" or use status=published.', {
        policy: 'published-only',
      });
    }
    Object.assign(params, restrict(strapi, params, context.uid), { status: 'published' });
    return next();
  };
  strapi.documents.use(middleware);

  const sanitize = strapi.contentAPI.sanitize;
  const sanitizeQuery = sanitize.query;
  sanitize.query = async (query, schema, options) => {
    const sanitized = await sanitizeQuery(query, schema, options);
    if (!isPublicReader(currentState(strapi)) || !schema?.uid) return sanitized;
    return restrict(strapi, sanitized as ReadQuery, schema.uid);
  };
}
