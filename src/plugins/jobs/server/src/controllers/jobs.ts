import type { Core } from '@strapi/strapi';
import type { JobRow } from '../services/store';
import { getService } from '../utils/get-service';
import { parseListQuery } from '../utils/rules';

export interface Ctx {
  query: Record<string, unknown>;
  params: Record<string, string>;
  body: unknown;
  badRequest(message: string): void;
  notFound(message: string): void;
  conflict(message: string): void;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A job as the admin sees it: no payload (it may name private files), times as ISO dates. */
const view = (row: JobRow) => ({
  id: row.id,
  name: row.name,
  key: row.job_key,
  state: row.state,
  attempts: row.attempts,
  createdAt: iso(row.created_at),
  runAt: row.state === 'pending' ? iso(row.run_at) : null,
  leaseUntil: row.state === 'running' ? iso(row.lease_until) : null,
  finishedAt: iso(row.finished_at),
  error: row.last_error,
});

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /jobs/jobs?state=&page=&pageSize= */
  async list(ctx: Ctx) {
    const query = parseListQuery(ctx.query);
    if (!query.ok) return ctx.badRequest(query.message);
    const store = getService(strapi, 'store');
    const { rows, total } = await store.list(query.state, query.page, query.pageSize);
    ctx.body = {
      data: rows.map(view),
      meta: { counts: await store.counts(), pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(total / query.pageSize), total } },
    };
  },

  /** POST /jobs/jobs/:id/retry — "thử lại" a dead job. */
  async retry(ctx: Ctx) {
    const id = /^\d{1,12}$/.test(ctx.params.id ?? '') ? Number(ctx.params.id) : NaN;
    if (!Number.isSafeInteger(id)) return ctx.badRequest('Mã việc (id) phải là số nguyên dương.');
    const outcome = await getService(strapi, 'store').retry(id);
    if (outcome === 'not-found') return ctx.notFound('Không tìm thấy việc này.');
    if (outcome === 'not-dead') return ctx.conflict('Chỉ thử lại được việc đã bị bỏ (dead).');
    if (outcome === 'already-waiting') return ctx.conflict('Một việc cùng khoá đang chờ chạy: không cần thử lại.');
    void getService(strapi, 'worker').kick();
    ctx.body = { data: view((await getService(strapi, 'store').find(id)) as JobRow) };
  },
});
