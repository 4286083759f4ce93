import type { Core, Modules } from '@strapi/strapi';
import type { PluginConfig } from '../config';
import { getService } from '../utils/get-service';
import { ALL, changeTags, isPublicWrite, membershipChanged, type PublicChange } from '../utils/tags';

type Middleware = Modules.Documents.Middleware.Middleware;
type Context = Parameters<Middleware>[0];
type Next = Parameters<Middleware>[1];
type Row = Record<string, unknown>;

/**
 * Told of every public change with the tags it touched, inside the write's transaction (Document
 * Service writes): what a listener records commits with the change, or neither does.
 */
export type ChangeListener = (change: PublicChange, tags: string[]) => Promise<void> | void;

interface Model {
  options?: { draftAndPublish?: boolean };
  pluginOptions?: { i18n?: { localized?: boolean } } & Record<string, unknown>;
  attributes: Record<string, { type: string }>;
}

interface WriteResult {
  documentId?: string;
  locale?: string | null;
  entries?: { documentId?: string; locale?: string | null }[];
}

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

/**
 * Which public answers a Document Service write changes, and who else wants to know (the revalidate
 * plugin: `subscribe`, the one public entry to this plugin's tags). A draft save, a refused or a
 * failed write is no public change and touches nothing.
 */
export const changes = ({ strapi }: { strapi: Core.Strapi }) => {
  const listeners: ChangeListener[] = [];
  const config = () => strapi.config.get('plugin::api-cache') as PluginConfig;
  const store = () => getService(strapi, 'store');
  const model = (uid: string) => strapi.getModel(uid as Parameters<Core.Strapi['getModel']>[0]) as unknown as Model;
  const localized = (uid: string) => model(uid).pluginOptions?.i18n?.localized === true;

  async function everyLocale(): Promise<string[]> {
    const list = (await strapi.plugin('i18n').service('locales').find()) as { code: string }[];
    return list.map((l) => l.code);
  }

  /** The locales a write names: its own, the default one, or all. */
  async function localesOf(locale: unknown): Promise<string[]> {
    if (locale === ALL) return everyLocale();
    if (Array.isArray(locale)) return locale.map(String);
    if (typeof locale === 'string' && locale) return [locale];
    return [(await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string];
  }

  /** The fields lists depend on, the slug (a `uid` attribute) and the times of the public version, or null. */
  async function snapshot(uid: string, documentId: string, locale: string): Promise<Row | null> {
    const m = model(uid);
    const fields = [...(config().membership[uid] ?? []), ...Object.keys(m.attributes).filter((a) => m.attributes[a].type === 'uid')];
    const related = fields.filter((f) => ['relation', 'media'].includes(m.attributes[f]?.type));
    const where: Row = { documentId };
    if (m.options?.draftAndPublish) where.publishedAt = { $notNull: true };
    if (localized(uid)) where.locale = locale;
    return (await strapi.db.query(uid as Parameters<Core.Strapi['db']['query']>[0]).findOne({
      where,
      // The version's own times let a subscriber tell one change from another (revalidate's outbox key).
      select: ['documentId', 'updatedAt', ...(m.options?.draftAndPublish ? ['publishedAt'] : []), ...fields.filter((f) => !related.includes(f) && m.attributes[f])],
      populate: Object.fromEntries(related.map((f) => [f, { select: ['documentId'] }])),
    })) as Row | null;
  }

  /** Tags the changes touch (`locales`: every locale, read once per write), told to the listeners. */
  async function announce(list: PublicChange[], locales: string[]): Promise<string[]> {
    const touched = new Set<string>();
    for (const change of list) {
      const tags = changeTags(change, locales);
      tags.forEach((t) => touched.add(t));
      // Inside the write's transaction: a listener that cannot record the change fails the write,
      // rather than a change committed that its listeners never heard of.
      for (const listener of listeners) await listener(change, tags);
    }
    return [...touched];
  }

  /** Runs the write, then finds the public changes it made and announces them (tags touched). */
  async function write(ctx: Context, next: Next, params: { documentId?: string; locale?: unknown }, all: string[]): Promise<{ result: unknown; tags: string[] }> {
    const uid = ctx.uid;
    const locales = localized(uid) ? await localesOf(params.locale) : [ALL];
    const before = new Map<string, Row | null>();
    if (params.documentId) for (const l of locales) before.set(l, await snapshot(uid, params.documentId, l));
    const result = await next();
    const r = (result ?? {}) as WriteResult;
    const documentId = r.documentId ?? params.documentId;
    if (!documentId) return { result, tags: [] };
    const written = r.entries?.length ? r.entries.map((e) => e.locale ?? ALL) : r.locale ? [r.locale] : locales;
    const list: PublicChange[] = [];
    for (const locale of localized(uid) ? [...new Set(written)] : [ALL]) {
      const was = before.get(locale) ?? null;
      const gone = ctx.action === 'unpublish' || ctx.action === 'delete';
      const now = gone ? null : await snapshot(uid, documentId, locale);
      list.push({ action: ctx.action, uid, documentId, locale, membership: membershipChanged(was, now, config().membership[uid]), before: was, after: now });
    }
    return { result, tags: await announce(list, all) };
  }

  return {
    subscribe(listener: ChangeListener): void {
      listeners.push(listener);
    },

    /** Changes made outside the Document Service (media rows): touched and announced. */
    async report(list: PublicChange[]): Promise<void> {
      await store().touch(await announce(list, await everyLocale()));
    },

    async middleware(ctx: Context, next: Next) {
      if (!WRITES.has(ctx.action)) return next();
      if (config().invalidation === 'flush-all') return store().during([ALL], next as () => Promise<unknown>) as ReturnType<Next>;
      const params = ctx.params as { documentId?: string; locale?: unknown; status?: unknown };
      if (!isPublicWrite(ctx.action, model(ctx.uid).options?.draftAndPublish === true, params.status)) return next();

      const all = await everyLocale();
      const held = params.documentId ? changeTags({ uid: ctx.uid, documentId: params.documentId, locale: ALL, membership: true }, all) : [];
      // The write, reading what it changed and telling the listeners (revalidate's outbox) share one
      // transaction: the change and its event commit together, so no crash falls between them. The
      // cache is touched after the commit; inside a caller's transaction, again once that commits.
      const nested = strapi.db.inTransaction();
      const { result } = await store().during(
        held,
        // Strapi types the answer as the callback's own return type: a promise, awaited here.
        async () =>
          await strapi.db.transaction(async ({ onCommit }) => {
            const out = await write(ctx, next, params, all);
            if (nested) onCommit(() => void store().touch(out.tags));
            return out;
          }),
        async (out) => out.tags
      );
      return result as ReturnType<Next>;
    },
  };
};
