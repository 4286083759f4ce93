import type { Core } from '@strapi/strapi';
import { ensureSecrets } from '../src/env/ensure-secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => {
  ensureSecrets();
  return {
    'users-permissions': {
      config: { jwtSecret: env('JWT_SECRET') },
    },
  };
};

export default config;
