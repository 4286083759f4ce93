import type { Core } from '@strapi/strapi';
import { isDatabaseUnavailable } from '../utils/database-errors';

const RETRY_AFTER_SECONDS = 5;

/**
 * While the database is unreachable (restarting, failing over), answer 503 with Retry-After
 * instead of Strapi's generic 500, so load balancers and clients retry rather than give up. The
 * pool reconnects on its own; nothing here holds state.
 */
const databaseUnavailable: Core.MiddlewareFactory = (_config, { strapi }) => {
  /** The error that shows the database is down, if it is (one `select 1`). */
  const probe = async (): Promise<unknown> => {
    try {
      await strapi.db.connection.raw('select 1');
      return undefined;
    } catch (error) {
      return isDatabaseUnavailable(error) ? error : undefined;
    }
  };

  return async (ctx, next) => {
    let failure: unknown;
    try {
      await next();
      // users-permissions swallows every error of its permission lookup and answers 401, so an
      // anonymous reader would be told "unauthorized" during an outage. A 401 is rare enough on
      // public traffic to afford one probe.
      if (ctx.status === 401) failure = await probe();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      failure = error;
    }
    if (failure) {
      strapi.log.warn(`[database] unavailable while serving ${ctx.method} ${ctx.path}: ${(failure as Error).message}`);
      ctx.status = 503;
      ctx.set('Retry-After', String(RETRY_AFTER_SECONDS));
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        data: null,
        error: {
          status: 503,
          name: 'ServiceUnavailableError',
          message: 'Cơ sở dữ liệu tạm thời không truy cập được, vui lòng thử lại sau giây lát.',
        },
      };
    }
  };
};

export default databaseUnavailable;
