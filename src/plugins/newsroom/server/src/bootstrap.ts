import type { Core } from '@strapi/strapi';
import type { PluginConfig } from './config';
import { migrate } from './migrations';
import type { Scheduler } from './services/scheduler';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // Scheduling: the claims table always exists (any instance may act); the task runs only where enabled.
  await migrate(strapi);
  const scheduler = strapi.plugin('newsroom').service('scheduler') as Scheduler;
  const { scheduling } = strapi.config.get('plugin::newsroom') as PluginConfig;
  if (scheduling.enabled) scheduler.startCron(scheduling);
};
