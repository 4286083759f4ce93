import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { limiterOf, refuse, setLimitHeaders } from '../rate-limit/limiter';
import { classifyRequest, loginKey, type RateLimitSettings } from '../rate-limit/rules';

/**
 * Limits logins (admin and users-permissions) per IP and account, so one client cannot guess
 * passwords and one account cannot be locked out by others' guesses from elsewhere.
 * Placed after strapi::body: the key needs the identifier from the parsed body.
 */
export default (config: RateLimitSettings, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    if (!config.enabled || classifyRequest(ctx.method, ctx.path) !== 'login') return next();
    const decision = await limiterOf(strapi, config).check('login', loginKey(ctx.ip, (ctx.request as { body?: unknown }).body));
    if (!decision.allowed) return refuse(ctx, decision, 'Đăng nhập sai quá nhiều lần.');
    setLimitHeaders(ctx, decision);
    return next();
  };
