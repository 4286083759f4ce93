import type { Core } from '@strapi/strapi';
import { migrate } from './migrations';
import { getService } from './utils/get-service';

export const READ_ACTION = 'plugin::jobs.settings.read';

/**
 * The table first; the worker starts polling here, and its first round comes `pollMs` later, once
 * every plugin's bootstrap has registered its handlers. Jobs left by an earlier run (a restart, a
 * crash) are in the table and run then: no start-up sweep is needed.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const applied = await migrate(strapi);
  if (applied.length) strapi.log.info(`[jobs] migrations applied: ${applied.map((m) => m.name).join(', ')}`);
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: 'Xem và thử lại', uid: 'settings.read', pluginName: 'jobs', subCategory: 'Việc chạy nền' },
  ]);
  getService(strapi, 'worker').start();
};
