import { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { BOM, csvRow } from '../utils/csv';
import { parseFilters } from '../utils/filters';
import { actionLabel, actorLabel } from '../utils/labels';
import { getService } from '../utils/get-service';
import { vietnamTime } from '../utils/time';

/** What these handlers use of Strapi's Koa context. */
export interface Ctx {
  query: Record<string, unknown>;
  body: unknown;
  badRequest(message: string): void;
  set(field: string, value: string): void;
}

/** The CSV's columns, in Vietnamese: the file is for people (Excel), not for a program. */
const HEADER = ['Mã', 'Thời gian (giờ Việt Nam)', 'Hành động', 'Mã hành động', 'Người thực hiện', 'Loại người thực hiện', 'Mã người thực hiện', 'Địa chỉ IP', 'Kiểu nội dung', 'Mã tài liệu', 'Ngôn ngữ', 'Tiêu đề', 'Chi tiết'];

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /editorial/audit-log: one page, newest first. */
  async find(ctx: Ctx) {
    const parsed = parseFilters(ctx.query);
    if (!parsed.ok) return ctx.badRequest(parsed.message);
    const { page, pageSize } = parsed.filters;
    const { entries, total } = await getService(strapi, 'auditLog').list(parsed.filters);
    ctx.body = { data: entries, meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
  },

  /**
   * GET /editorial/audit-log/export.csv: the same filters, every matching entry up to the
   * configured maximum, streamed as it is read (UTF-8 with a BOM for Excel).
   */
  async exportCsv(ctx: Ctx) {
    const parsed = parseFilters(ctx.query);
    if (!parsed.ok) return ctx.badRequest(parsed.message);
    const entries = getService(strapi, 'auditLog').exportEntries(parsed.filters);
    async function* lines(): AsyncGenerator<string> {
      yield BOM + csvRow(HEADER);
      for await (const e of entries) {
        yield csvRow([
          e.id,
          vietnamTime(Date.parse(e.at)),
          actionLabel(e.action),
          e.action,
          actorLabel(e.actor),
          e.actor.type,
          e.actor.id,
          e.ip,
          e.target.uid,
          e.target.documentId,
          e.target.locale,
          e.target.title,
          e.details,
        ]);
      }
    }
    const day = vietnamTime(Date.now()).slice(0, 10);
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set('Content-Disposition', `attachment; filename="nhat-ky-hoat-dong-${day}.csv"`);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = Readable.from(lines());
  },
});
