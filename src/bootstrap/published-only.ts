import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

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

/**
 * Strapi 5's REST API accepts `?status=draft` from anyone allowed to read, which hands
 * embargoed drafts (and unpublished edits of published news) to the public. Every Document
 * Service read made while serving a public reader is pinned to published versions here,
 * whichever route or plugin makes it.
 */
export function registerPublishedOnly(strapi: Core.Strapi): void {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (!READ_ACTIONS.has(context.action)) return next();
    const ctx = strapi.requestContext.get() as { state?: RequestState } | undefined;
    if (!isPublicReader(ctx?.state)) return next();

    const params = context.params as { status?: string };
    if (params.status !== undefined && params.status !== 'published') {
      // A PolicyError is the 403 whose message Strapi's authorize step lets through to the client.
      throw new errors.PolicyError('Drafts are not public: remove "status" or use status=published.', {
        policy: 'published-only',
      });
    }
    params.status = 'published';
    return next();
  };
  strapi.documents.use(middleware);
}
