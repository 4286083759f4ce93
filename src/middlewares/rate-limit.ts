import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { limiterOf, refuse, setLimitHeaders } from '../rate-limit/limiter';
import { classifyRequest, type RateLimitSettings } from '../rate-limit/rules';
import { websiteTokenId } from '../security/website-token';

/**
 * Limits the public API and search per client IP. Placed before the api-cache middleware, so cached
 * answers count too. ctx.ip honours X-Forwarded-For only when server.proxy is set (Koa's app.proxy).
 */
export default (config: RateLimitSettings, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    const bucket = config.enabled ? classifyRequest(ctx.method, ctx.path) : null;
    // Logins are counted by global::login-rate-limit, after the body (their key needs the account).
    if (bucket === null || bucket === 'login') return next();
    // A website's server counts against its own budget, whatever address it calls from.
    const website = ctx.headers.authorization ? await websiteTokenId(strapi, ctx.headers.authorization) : null;
    const decision = website === null ? await limiterOf(strapi, config).check(bucket, ctx.ip) : await limiterOf(strapi, config).check('website', `token:${website}`);
    if (!decision.allowed) return refuse(ctx, decision, 'Bạn đã gửi quá nhiều yêu cầu.');
    try {
      await next();
    } finally {
      // After next(): a cached answer replays the headers it was stored with; ours must win.
      setLimitHeaders(ctx, decision);
    }
  };
