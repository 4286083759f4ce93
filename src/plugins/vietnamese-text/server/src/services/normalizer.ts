import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { PluginConfig } from '../config';
import { cleanName, deepNFC, toNewTonePlacement } from '../utils/normalize-text';

type Middleware = Modules.Documents.Middleware.Middleware;
type Context = Parameters<Middleware>[0];
type Next = Parameters<Middleware>[1];
type Result = Awaited<ReturnType<Next>>;
const WRITES = new Set(['create', 'update', 'clone']);

/**
 * Every string a write stores, rich text and blocks included, is NFC; names and titles are
 * also trimmed and cleaned of invisible characters (and, if configured, of old tone placement).
 */
export const normalizer = ({ strapi }: { strapi: Core.Strapi }) => ({
  normalizeData(data: Record<string, unknown>): Record<string, unknown> {
    const { nameFields, tonePlacement } = (strapi.config.get('plugin::vietnamese-text') as PluginConfig).normalize;
    const out = deepNFC(data);
    const copy = out === data ? { ...data } : out;
    for (const field of nameFields) {
      const value = copy[field];
      if (typeof value !== 'string') continue;
      const cleaned = cleanName(value);
      // Something was typed, but nothing that shows: refused as empty rather than stored as ""
      // (a title of zero-width spaces became "" with the slug "article").
      if (value !== '' && cleaned === '') {
        throw new errors.ValidationError(
          `Trường "${field}" không có nội dung: chỉ gồm khoảng trắng hoặc ký tự vô hình (ký tự độ rộng 0, ký tự điều khiển hướng chữ…).`
        );
      }
      copy[field] = tonePlacement ? toNewTonePlacement(cleaned) : cleaned;
    }
    return copy;
  },

  async middleware(ctx: Context, next: Next): Promise<Result> {
    const params = ctx.params as { data?: Record<string, unknown> };
    if (WRITES.has(ctx.action) && ctx.uid.startsWith('api::') && params.data && typeof params.data === 'object') {
      params.data = this.normalizeData(params.data);
    }
    return next();
  },
});

export type Normalizer = ReturnType<typeof normalizer>;
