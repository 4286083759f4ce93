import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../config';
import type { OutboxRow } from '../services/outbox';
import { getService } from '../utils/get-service';

type Ctx = { body: unknown };

/** A row as the admin page shows it: no payload body, no secret. */
const view = (row: OutboxRow) => ({
  id: row.id,
  eventId: row.event_id,
  receiver: row.receiver,
  event: (JSON.parse(row.payload) as { event?: string }).event ?? null,
  attempts: row.attempts,
  createdAt: new Date(row.created_at).toISOString(),
  deliveredAt: row.delivered_at ? new Date(row.delivered_at).toISOString() : null,
  gaveUpAt: row.failed_at ? new Date(row.failed_at).toISOString() : null,
  nextAttemptAt: row.delivered_at || row.failed_at ? null : new Date(row.next_at).toISOString(),
  status: row.last_status,
  error: row.last_error,
  ms: row.last_ms,
});

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async overview(ctx: Ctx) {
    const config = strapi.config.get('plugin::revalidate') as PluginConfig;
    const outbox = getService(strapi, 'outbox');
    ctx.body = {
      receivers: config.urls,
      signed: config.secret.length > 0,
      pending: await outbox.pending(),
      recent: (await outbox.recent(50)).map(view),
      failures: (await outbox.failures(50)).map(view),
    };
  },

  async test(ctx: Ctx) {
    const config = strapi.config.get('plugin::revalidate') as PluginConfig;
    if (config.urls.length === 0 || !config.secret) {
      ctx.body = { error: 'Chưa cấu hình địa chỉ nhận (REVALIDATE_WEBHOOK_URLS) hoặc khoá ký (REVALIDATE_WEBHOOK_SECRET).' };
      return;
    }
    const event = await getService(strapi, 'events').test();
    const rows = (await getService(strapi, 'outbox').recent(50)).filter((r) => r.event_id === event.id);
    ctx.body = { event, deliveries: rows.map(view) };
  },
});
