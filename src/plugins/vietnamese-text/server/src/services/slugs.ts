import type { Core, Modules, UID } from '@strapi/strapi';
import type { PluginConfig, SlugTarget } from '../config';
import { documentIdOf } from '../utils/document-result';
import { planSlug } from '../utils/slug-plan';
import { slugify } from '../utils/slugify';
import type { SlugKey } from './slug-registry';
import { getService } from '../utils/get-service';

type Params = {
  documentId?: string;
  locale?: string | string[];
  status?: string;
  data?: Record<string, unknown>;
};
type Middleware = Modules.Documents.Middleware.Middleware;
type Context = Parameters<Middleware>[0];
type Next = Parameters<Middleware>[1];
type Result = Awaited<ReturnType<Next>>;

/**
 * Server-side slugs for every Document Service write (REST, admin, scripts, imports):
 * made from the source field, unique per content type and locale through the slug registry,
 * stable after first publication, with previous slugs kept for redirects.
 */
export const slugs = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::vietnamese-text') as PluginConfig;
  const registry = () => getService(strapi, 'slugRegistry');
  const isLocalized = (uid: string) =>
    Boolean((strapi.contentTypes[uid as UID.ContentType]?.pluginOptions as { i18n?: { localized?: boolean } })?.i18n?.localized);

  async function localeOf(uid: string, locale: Params['locale']): Promise<string> {
    if (!isLocalized(uid)) return '';
    if (typeof locale === 'string' && locale !== '*') return locale;
    return strapi.plugin('i18n').service('locales').getDefaultLocale();
  }

  async function storedDraft(uid: string, documentId: string, locale: string, target: SlugTarget) {
    const where: Record<string, unknown> = { documentId, publishedAt: null };
    if (locale) where.locale = locale;
    return strapi.db.query(uid as UID.ContentType).findOne({ where, select: [target.source, target.field] });
  }

  /** Claims a slug before the write, then confirms it (or gives it back if the write fails). */
  async function writeWithSlug(
    ctx: Context,
    next: Next,
    target: SlugTarget,
    key: SlugKey,
    documentId: string | null
  ): Promise<Result> {
    const params = ctx.params as Params;
    const data = (params.data ??= {});
    const cfg = config();
    const current = documentId ? await registry().current(key, documentId) : undefined;
    const stored = documentId && (!current || data[target.field] === null || data[target.field] === '')
      ? await storedDraft(ctx.uid, documentId, key.locale, target)
      : null;

    const plan = planSlug({
      current: current?.slug ?? null,
      publishedOnce: Boolean(current?.published_once),
      explicit: data[target.field] as string | null | undefined,
      source: typeof data[target.source] === 'string' ? (data[target.source] as string) : undefined,
      storedSource: (stored?.[target.source] as string | undefined) ?? null,
      fallback: strapi.contentTypes[ctx.uid as UID.ContentType]?.modelName ?? 'bai-viet',
      options: cfg.slug,
    });
    if (plan.kind === 'keep') {
      if (current && target.field in data) data[target.field] = current.slug;
      return next();
    }

    const { slug, token } = await registry().claim(key, plan.base, documentId, cfg.slug.maxLength);
    data[target.field] = slug;
    try {
      const result = await next();
      const id = documentId ?? documentIdOf(result);
      if (id) await registry().confirm(key, token, id, plan.keepOld);
      else await registry().release(token);
      return result;
    } catch (error) {
      await registry().release(token);
      throw error;
    }
  }

  /** The registry locales a publish or delete touches ('' for types without i18n). */
  async function localesTouched(uid: string, locale: Params['locale']): Promise<string[] | '*'> {
    if (!isLocalized(uid)) return [''];
    if (locale === undefined) return [await localeOf(uid, undefined)];
    if (locale === '*') return '*';
    return Array.isArray(locale) ? locale : [locale];
  }

  return {
    /** The slug for a title as the server would make it (also used by the admin's button). */
    make(text: string): string {
      return slugify(text, config().slug);
    },

    /** The registry key of a content type in a locale ('' for types without i18n). */
    async key(uid: string, locale?: string): Promise<SlugKey> {
      return { uid, locale: await localeOf(uid, locale) };
    },

    /**
     * Where a slug now points: the document that had it and its current slug, or null. Other
     * plugins reach old-slug redirects through this (the newsroom's `slugHistory` setting).
     */
    async currentSlug(uid: string, locale: string, slug: string): Promise<{ documentId: string; slug: string } | null> {
      const hit = await registry().resolve(await this.key(uid, locale), slug);
      return hit ? { documentId: hit.documentId, slug: hit.current } : null;
    },

    maxLength(): number {
      return config().slug.maxLength;
    },

    target(uid: string): SlugTarget | undefined {
      return config().contentTypes[uid];
    },

    async middleware(ctx: Context, next: Next): Promise<Result> {
      const target = config().contentTypes[ctx.uid];
      if (!target) return next();
      const params = ctx.params as Params;

      switch (ctx.action) {
        case 'create':
        case 'clone': {
          const key = { uid: ctx.uid, locale: await localeOf(ctx.uid, params.locale) };
          if (ctx.action === 'clone' && params.documentId) {
            // The copy starts from the original's title, never from its slug.
            const original = await storedDraft(ctx.uid, params.documentId, key.locale, target);
            params.data = { [target.source]: original?.[target.source], ...params.data, [target.field]: null };
          }
          const result = await writeWithSlug(ctx, next, target, key, null);
          if (params.status === 'published') await this.afterPublish(ctx.uid, result, params.locale);
          return result;
        }
        case 'update': {
          if (!params.documentId) return next();
          const key = { uid: ctx.uid, locale: await localeOf(ctx.uid, params.locale) };
          const result = await writeWithSlug(ctx, next, target, key, params.documentId);
          if (params.status === 'published') await registry().markPublished(ctx.uid, params.documentId, [key.locale]);
          return result;
        }
        case 'publish': {
          const result = await next();
          if (params.documentId) await registry().markPublished(ctx.uid, params.documentId, await localesTouched(ctx.uid, params.locale));
          return result;
        }
        case 'discardDraft': {
          // The draft is rebuilt from the published version, so its published slug is current again.
          const result = await next();
          const entries = (result as { entries?: Record<string, unknown>[] } | null)?.entries ?? [];
          for (const entry of entries) {
            const slug = entry[target.field];
            if (typeof slug === 'string' && params.documentId) {
              await registry().adopt({ uid: ctx.uid, locale: (entry.locale as string) ?? '' }, slug, params.documentId);
            }
          }
          return result;
        }
        case 'delete': {
          const result = await next();
          if (params.documentId) await registry().forget(ctx.uid, params.documentId, await localesTouched(ctx.uid, params.locale));
          return result;
        }
        default:
          return next();
      }
    },

    async afterPublish(uid: string, result: Result, locale: Params['locale']): Promise<void> {
      const documentId = documentIdOf(result);
      if (documentId) await registry().markPublished(uid, documentId, [await localeOf(uid, locale)]);
    },

    /**
     * Records slugs already stored before the plugin was enabled. Duplicates among them are
     * reported, not changed: the next edit of such a document gives it a free slug.
     */
    async adoptExisting(): Promise<void> {
      for (const [uid, target] of Object.entries(config().contentTypes)) {
        if (!strapi.contentTypes[uid as UID.ContentType]) {
          strapi.log.warn(`[vietnamese-text] slug config names unknown content type ${uid}`);
          continue;
        }
        const meta = strapi.db.metadata.get(uid as UID.ContentType);
        const column = (meta.attributes[target.field] as { columnName?: string })?.columnName ?? target.field;
        const rows = await registry().unregistered(uid, meta.tableName, column, isLocalized(uid));
        let conflicts = 0;
        for (const row of rows) {
          if (!(await registry().adopt({ uid, locale: row.locale }, row.slug, row.documentId))) conflicts += 1;
        }
        if (conflicts) strapi.log.warn(`[vietnamese-text] ${uid}: ${conflicts} stored slugs are duplicates; they change on next save`);
      }
    },
  };
};

export type Slugs = ReturnType<typeof slugs>;
