import type { Core } from '@strapi/strapi';
import type { PluginConfig } from './config';
import { migrate } from './migrations';
import { getService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // Scheduling: the claims table always exists (any instance may act); the task runs only where enabled.
  await migrate(strapi);
  const scheduler = getService(strapi, 'scheduler');
  const { scheduling } = strapi.config.get('plugin::newsroom') as PluginConfig;
  if (scheduling.enabled) scheduler.startCron(scheduling);
};
