import type { Core } from '@strapi/strapi';
import type { PluginConfig } from './config';
import { getService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // Scheduling: the claims table always exists (any instance may act); the task runs only where enabled.
  const scheduler = getService(strapi, 'scheduler');
  await scheduler.ensureTable();
  const { scheduling } = strapi.config.get('plugin::newsroom') as PluginConfig;
  if (scheduling.enabled) scheduler.startCron(scheduling);
};
