import type { Core } from '@strapi/strapi';
import type { PluginConfig } from './config';
import { migrate } from './migrations';
import { getService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // Scheduling: the tables always exist (any instance may act); the task runs only where enabled.
  const applied = await migrate(strapi);
  if (applied.length) strapi.log.info(`[newsroom] migrations applied: ${applied.map((m) => m.name).join(', ')}`);
  const { scheduling } = strapi.config.get('plugin::newsroom') as PluginConfig;
  if (scheduling.enabled) getService(strapi, 'scheduler').startCron(scheduling);
};
