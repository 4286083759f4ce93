import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { createSession, type CreateSessionOptions } from 'koa-session';

/** The handlers that read `ctx.session`: users-permissions' provider login (grant) only. */
export const usesSession = (path: string): boolean => /^\/api\/connect(\/|$)/i.test(path);

/**
 * Strapi's `strapi::session` calls `server.use` from its factory, which puts koa-session ahead of
 * every other middleware: each request paid for it, cache hits included (3.8–4 % of a hit's CPU in
 * `npm run bench:profile`). The same cookie session (Strapi's defaults, the app keys) now runs only
 * on the paths whose handlers use it. Admin and API logins do not: they use tokens.
 */
export default (config: CreateSessionOptions, { strapi }: { strapi: Core.Strapi }) => {
  const keys = strapi.server.app.keys;
  if (!Array.isArray(keys) || keys.length === 0 || keys.some((k) => !k)) throw new Error('APP_KEYS is required for the session cookie (config/server.ts).');
  const session = createSession(
    { key: 'koa.sess', maxAge: 86_400_000, autoCommit: true, overwrite: true, httpOnly: true, signed: true, rolling: false, renew: false, secure: process.env.NODE_ENV === 'production', ...config },
    strapi.server.app
  );
  return (ctx: Context, next: Next) => {
    if (!usesSession(ctx.path)) return next();
    // The router matches `/API/Connect/github` too, but the provider login finds its provider by
    // splitting the raw URL at "/connect/": any other case was a TypeError, a 500. One spelling here.
    ctx.path = ctx.path.replace(/^\/api\/connect/i, '/api/connect');
    return session(ctx, next);
  };
};
