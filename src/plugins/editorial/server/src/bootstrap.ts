import type { Core } from '@strapi/strapi';
import type { PluginConfig } from './config';
import { migrate } from './migrations';
import { AUDITED_EVENTS, entriesFromEvent } from './utils/events';
import { getService } from './utils/get-service';
import { API_TOKEN, CORE_STORE, entryFromLifecycle, WEBHOOK, WEBSITE_ROLE } from './utils/lifecycles';
import { isObject, text } from './utils/types';

export const READ_ACTION = 'plugin::editorial.audit-log.read';
const PURGE_JOB = 'editorial-audit-log-purge';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const applied = await migrate(strapi);
  if (applied.length) strapi.log.info(`[editorial] migrations applied: ${applied.map((m) => m.name).join(', ')}`);
  const log = getService(strapi, 'auditLog');
  log.markReady();
  getService(strapi, 'history').markReady();

  // Only the Super Admin has it (Strapi gives it every registered action); other roles get 403.
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: 'Xem và xuất nhật ký', uid: 'audit-log.read', pluginName: 'editorial', subCategory: 'Nhật ký hoạt động' },
  ]);

  // Strapi's own events. A listener that threw would reach Strapi's emitter (often not awaited):
  // record() never throws, and the mapping is guarded here.
  for (const name of AUDITED_EVENTS) {
    strapi.eventHub.on(name, async (payload: unknown) => {
      try {
        const req = log.request();
        const email = req?.body ? text(req.body.email) : null;
        const roleId = req && /^\/admin\/roles\/[^/]+\/permissions$/.test(req.path) ? text(req.params.id) : null;
        const entries = entriesFromEvent(name, payload, { hasFiles: req?.hasFiles ?? false, loginEmail: email ? email.slice(0, 254) : null, roleId });
        for (const entry of entries) await log.record(entry);
      } catch (error) {
        strapi.log.warn(`[editorial] sự kiện ${name} không ghi được: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }

  // Tables written with plain queries and no event (utils/lifecycles).
  const onRow = (lifecycle: 'afterCreate' | 'afterUpdate' | 'afterDelete') => async (event: { model: { uid: string }; params: { data?: unknown }; result?: unknown }) => {
    try {
      if (!isObject(event.result)) return;
      const data = isObject(event.params.data) ? event.params.data : {};
      const entry = entryFromLifecycle(event.model.uid, lifecycle, data, event.result, log.request()?.adminWrite ?? false);
      if (!entry) return;
      // Regenerating a token selects only its id: its name is read back (in the caller's transaction).
      if (event.model.uid === API_TOKEN && entry.target && !entry.target.title && entry.target.documentId) {
        const token = await strapi.db.query(API_TOKEN).findOne({ where: { id: Number(entry.target.documentId) }, select: ['name', 'type', 'kind'] });
        if (isObject(token)) entry.target.title = text(token.name);
      }
      await log.record(entry);
    } catch (error) {
      strapi.log.warn(`[editorial] thay đổi ${event.model.uid} không ghi được: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  strapi.db.lifecycles.subscribe({
    models: [API_TOKEN, WEBSITE_ROLE, CORE_STORE, WEBHOOK],
    afterCreate: onRow('afterCreate'),
    afterUpdate: onRow('afterUpdate'),
    afterDelete: onRow('afterDelete'),
  });

  // Retention: once now, awaited (one indexed DELETE; done before the server takes requests, so
  // it never lands inside one), then daily.
  // Content history is thinned by the same job (config history.keepAllDays).
  const history = getService(strapi, 'history');
  const purge = () =>
    Promise.all([
      log.purge().catch((error: Error) => strapi.log.warn(`[editorial] xoá nhật ký quá hạn thất bại: ${error.message}`)),
      history.purge().catch((error: Error) => strapi.log.warn(`[editorial] dọn lịch sử phiên bản thất bại: ${error.message}`)),
    ]);
  await purge();
  const { purgeRule } = strapi.config.get('plugin::editorial') as PluginConfig;
  strapi.cron.add({ [PURGE_JOB]: { task: () => purge(), options: { rule: purgeRule } } });
};
