import type { Core } from '@strapi/strapi';
import type { PluginConfig } from './config';
import { migrate } from './migrations';
import type { Change } from './services/events';
import { getService } from './utils/get-service';

/** What the api-cache plugin's `changes` service offers: its one public entry. */
interface ChangeSource {
  subscribe(listener: (change: Change, tags: string[]) => Promise<void>): void;
}

export const READ_ACTION = 'plugin::revalidate.settings.read';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const applied = await migrate(strapi);
  if (applied.length) strapi.log.info(`[revalidate] migrations applied: ${applied.map((m) => m.name).join(', ')}`);
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: 'Xem và gửi thử', uid: 'settings.read', pluginName: 'revalidate', subCategory: 'Làm mới trang web' },
  ]);
  // The tags and the public changes come from the api-cache plugin, so a CDN purge, our cache and
  // the website agree on what changed.
  // API_CACHE=off removes that plugin: then no change is seen and nothing is sent (said once here).
  const changes = strapi.plugin('api-cache')?.service<ChangeSource>('changes');
  if (changes) {
    changes.subscribe((change, tags) => getService(strapi, 'events').record(change, tags));
    // Media rows are written without a transaction: their events are recorded ahead (events.expect).
    const expect = (event: { params?: { where?: unknown } }) => getService(strapi, 'events').expect(event.params?.where);
    strapi.db.lifecycles.subscribe({ models: ['plugin::upload.file'], beforeUpdate: expect, beforeDelete: expect });
  }
  else strapi.log.warn('[revalidate] the api-cache plugin is off (API_CACHE=off): no revalidation webhooks are sent');
  // Rows left undelivered by a previous run (a restart, a crash) go out now, then every pollMs.
  // Without receivers nothing is queued, so nothing polls the table (an idle app sends no SQL).
  if ((strapi.config.get('plugin::revalidate') as PluginConfig).urls.length === 0) return;
  getService(strapi, 'dispatcher').start();
  void getService(strapi, 'dispatcher').kick();
};
