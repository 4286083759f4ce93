import type { Core } from '@strapi/strapi';
import { ensureSecrets, secretValue } from '../src/env/ensure-secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => {
  ensureSecrets();
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    // Public URL of this API (used for absolute links); empty means relative.
    url: env('PUBLIC_URL', ''),
    // Strapi 5 reads server.proxy.koa (a bare boolean is ignored): trust X-Forwarded-For/-Proto
    // only behind a proxy, or any client could pick its IP for the rate limits.
    proxy: { koa: env.bool('IS_PROXIED', false) },
    app: { keys: secretValue('APP_KEYS').split(',').map((key) => key.trim()) },
    // Where the local upload provider writes (public/uploads inside it); tests use a temp folder.
    dirs: { public: env('PUBLIC_DIR', './public') },
    // No update checks: the servers this runs on often have no way out to the internet.
    logger: { updates: { enabled: false } },
    // Scheduled publishing (newsroom plugin) runs as a cron task.
    cron: { enabled: true },
  };
};

export default config;
