import type { Core } from '@strapi/strapi';
import { isDraining } from '../lifecycle/graceful-shutdown';
import { drainingAnswer } from '../lifecycle/shutdown-rules';

/**
 * First in config/middlewares.ts: while the instance shuts down (src/lifecycle/graceful-shutdown.ts),
 * every new request gets 503 with `Connection: close` before anything else runs, and `/_health`
 * answers `{ "status": "draining" }` instead of Strapi's 204, so a proxy stops sending here.
 * Otherwise a flag read and nothing more.
 */
const draining: Core.MiddlewareFactory = (_config, { strapi }) => {
  return async (ctx, next) => {
    if (!isDraining(strapi)) return next();
    const answer = drainingAnswer(ctx.path);
    ctx.status = answer.status;
    ctx.set(answer.headers);
    ctx.body = answer.body;
  };
};

export default draining;
