import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  // Public API cache first: a hit costs a lookup and nothing else; the security, CORS and
  // powered-by headers of the first answer are replayed with it. API_CACHE=off leaves Strapi's
  // path as shipped (the benchmark's baseline).
  ...(env('API_CACHE', 'on') === 'off' ? [] : ['plugin::api-cache.cache']),
  'strapi::logger',
  'strapi::errors',
  // Inside errors: a database that is down becomes 503 + Retry-After instead of a 500.
  'global::database-unavailable',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
