import type { Core } from '@strapi/strapi';
import { readRateLimitSettings } from '../src/rate-limit/rules';
import { readBoundsSettings } from '../src/security/request-bounds';
import { corsConfig, securityConfig } from '../src/security/headers';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => {
  const rateLimit = readRateLimitSettings(process.env);
  const bounds = readBoundsSettings(process.env);
  return [
    // While shutting down (SIGTERM/SIGINT), 503 + Connection: close and /_health "draining",
    // before any other work (src/lifecycle/graceful-shutdown.ts).
    'global::draining',
    // Before everything else: the path the router sees, for every guard below (src/validation/path.ts).
    'global::canonical-path',
    // CORS first, so every answer a browser on an allowed origin gets is readable by its script,
    // 429s and cache hits included; preflights are answered here. CORS_ORIGINS (see .env.example).
    { name: 'strapi::cors', config: corsConfig(process.env) },
    // Rate limits next, before the cache, so cached answers count too (RATE_LIMIT=off disables).
    { name: 'global::rate-limit', config: rateLimit },
    // Public API cache next: a hit costs a lookup and nothing else; the security and powered-by
    // headers of the first answer are replayed with it. API_CACHE=off leaves Strapi's
    // path as shipped (the benchmark's baseline).
    ...(env('API_CACHE', 'on') === 'off' ? [] : ['plugin::api-cache.cache']),
    // Right after the cache, so hits neither count nor wait: per-client requests in flight, a
    // deadline (503) and a byte cap on the answer, for the content API and /graphql.
    { name: 'global::request-bounds', config: bounds },
    'strapi::logger',
    'strapi::errors',
    // Inside errors: a database that is down becomes 503 + Retry-After instead of a 500.
    'global::database-unavailable',
    // Media URLs absolute on PUBLIC_MEDIA_URL in every /api and /graphql answer; inside the cache,
    // so what it stores is already rewritten (src/media/absolute-media.ts).
    { name: 'global::absolute-media', config: { baseUrl: env('PUBLIC_MEDIA_URL', '') } },
    // CSP, HSTS (production only), Referrer-Policy, frame rules.
    { name: 'strapi::security', config: securityConfig(process.env) },
    'strapi::poweredBy',
    'strapi::query',
    // JSON, form and text bodies over BODY_LIMIT get a 413 (file uploads have the upload plugin's limit).
    {
      name: 'strapi::body',
      config: { jsonLimit: env('BODY_LIMIT', '1mb'), formLimit: env('BODY_LIMIT', '1mb'), textLimit: env('BODY_LIMIT', '1mb') },
    },
    // Logins are keyed by IP and account, which needs the parsed body.
    { name: 'global::login-rate-limit', config: rateLimit },
    // Malformed pagination, locale codes and upload metadata: a 400 before any controller.
    'global::request-guard',
    // Populate depth and breadth, filter conditions, GraphQL document size and the estimated rows
    // of an answer: a 400 naming the limit before Strapi reads anything.
    { name: 'global::query-bounds', config: bounds },
    // Strapi's cookie session, only where a handler uses it (/api/connect): src/middlewares/session.ts.
    'global::session',
    'strapi::favicon',
    'strapi::public',
    // Uploaded files: cached for a year by browsers and CDNs (a replaced file gets a new URL).
    'global::upload-cache',
  ];
};

export default config;
