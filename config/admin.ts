import type { Core } from '@strapi/strapi';
import { ensureSecrets, secretValue } from '../src/env/ensure-secrets';
import { createPreviewHandler } from '../src/preview/handler';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => {
  ensureSecrets();
  return {
    auth: { secret: secretValue('ADMIN_JWT_SECRET') },
    apiToken: { salt: secretValue('API_TOKEN_SALT') },
    transfer: { token: { salt: secretValue('TRANSFER_TOKEN_SALT') } },
    secrets: { encryptionKey: secretValue('ENCRYPTION_KEY') },
    // Strapi's preview: the edit view shows the website's draft page of articles and the other
    // page types, through the site's /api/preview route. The URL carries a token signed with
    // PREVIEW_SECRET for one document, locale and status, valid five minutes, given only to users
    // who may read that document (src/preview/handler.ts); the secret never leaves the servers.
    preview: {
      enabled: env.bool('PREVIEW', true),
      config: {
        // Strapi replaces the CSP's frame-src with this list: keep 'self' in it.
        allowedOrigins: ["'self'", new URL(env('PUBLIC_SITE_URL', 'http://localhost:3000')).origin],
        handler: (uid, params) => createPreviewHandler(strapi, secretValue('PREVIEW_SECRET'))(uid, params),
      },
    },
    flags: {
      nps: env.bool('FLAG_NPS', false),
      promoteEE: env.bool('FLAG_PROMOTE_EE', false),
    },
  };
};

export default config;
