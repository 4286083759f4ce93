import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { changedRestrictedFields, contentApiMayPublish, refusalMessage, type Refusal } from '../utils/rights';
import type { Actor, VersionSubject } from './rights';
import { getService } from '../utils/get-service';

type Middleware = Modules.Documents.Middleware.Middleware;
type Context = Parameters<Middleware>[0];
type Next = Parameters<Middleware>[1];

interface Params {
  documentId?: string;
  locale?: string | string[] | null;
  status?: string;
  data?: Record<string, unknown>;
}

interface ModelLike {
  options?: { draftAndPublish?: boolean };
  pluginOptions?: { i18n?: { localized?: boolean } } & Record<string, unknown>;
}

/** The parts of the Koa context of a request this reads. */
interface RequestLike {
  params?: Record<string, string>;
  request?: { body?: unknown };
  state?: { route?: { info?: { pluginName?: string } } };
}

/** What a Document Service write returns: one entry (create, update) or a document with entries (clone). */
interface WriteResult {
  documentId?: string;
  locale?: string | null;
  entries?: { documentId?: string; locale?: string | null }[];
}

/** Document Service actions that can publish, unpublish or write a restricted field (reads pass straight on). */
const GUARDED_ACTIONS = new Set(['publish', 'unpublish', 'delete', 'create', 'update', 'clone']);

const idOf = (v: unknown): string | null => {
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  if (v && typeof v === 'object' && 'id' in v) return idOf((v as { id: unknown }).id);
  return null;
};

/**
 * Publishing rights enforced where documents are written: a Document Service middleware, so every
 * route and plugin goes through it (content manager, REST, GraphQL, content releases, clones).
 *
 * - publish, and create/update with status=published: the actor may publish each version;
 * - unpublish, and delete of a document with a published version: the same right (it takes a
 *   page off the site);
 * - a change of a `writableBy: publisher` field (the schedule): the publish right for that locale;
 *   of a `writableBy: importer` field: nobody but code outside a request (npm run import);
 * - clone: the actor may read the source; the source's schedule and import fields are not copied.
 *
 * The admin's rights come from Strapi's permission engine (role, locale, conditions); the content
 * API's from the token type (see utils/rights contentApiMayPublish). A refusal is a 403 with a
 * Vietnamese message, thrown before anything is written.
 */
export const publicationGuard = ({ strapi }: { strapi: Core.Strapi }) => {
  const rights = () => getService(strapi, 'rights');
  const scheduler = () => getService(strapi, 'scheduler');
  const defaultLocale = async (): Promise<string> => strapi.plugin('i18n').service('locales').getDefaultLocale();

  // A PolicyError: Strapi's authorize step turns any other 403 raised under a route into a bare "Forbidden".
  const forbid = (refusal: Refusal, actor: Actor) =>
    new errors.PolicyError(refusalMessage(refusal, actor.principal), { policy: 'publication-rights', ...refusal });

  /** The locales an action covers, as the Document Service reads its `locale` param; null for all. */
  async function localesOf(model: ModelLike, locale: Params['locale']): Promise<string[] | null> {
    if (model.pluginOptions?.i18n?.localized !== true || locale === '*') return null;
    if (Array.isArray(locale)) return locale;
    return [locale || (await defaultLocale())];
  }

  /** Draft or published rows of a document, with the creator that is-creator conditions look at. */
  async function versions(uid: string, documentId: string | undefined, locales: string[] | null, published: boolean): Promise<VersionSubject[]> {
    const where: Record<string, unknown> = { documentId, publishedAt: published ? { $notNull: true } : null };
    if (locales) where.locale = { $in: locales };
    return strapi.db.query(uid as Parameters<typeof strapi.db.query>[0]).findMany({ where, populate: { createdBy: { select: ['id'] } } });
  }

  /**
   * The body of the content manager's request writing this type. The content manager drops the
   * fields a role may not write before the Document Service sees the data; the body says what
   * the user asked for, so an attempt is refused (403) instead of silently ignored.
   */
  function requestBody(uid: string): Record<string, unknown>[] {
    const ctx = strapi.requestContext.get() as RequestLike | undefined;
    if (ctx?.state?.route?.info?.pluginName !== 'content-manager' || ctx.params?.model !== uid) return [];
    const body = ctx.request?.body;
    return body && typeof body === 'object' && !Array.isArray(body) ? [body as Record<string, unknown>] : [];
  }

  /** Refuses unless the actor may publish every version `kind` acts on. */
  async function requirePublish(context: Context, actor: Actor, kind: 'publish' | 'unpublish' | 'delete-published'): Promise<void> {
    const params = context.params as Params;
    // Rows to check: the drafts a publish copies, the published versions an unpublish or delete removes.
    const rows = await versions(context.uid, params.documentId, await localesOf(context.contentType, params.locale), kind !== 'publish');
    for (const row of rows) {
      if (!rights().mayPublish(actor, context.uid, row)) throw forbid({ kind, locale: row.locale ?? '' }, actor);
    }
  }

  async function write(context: Context, next: Next, actor: Actor) {
    const { uid, action } = context;
    const params = context.params as Params;
    const restricted = rights().restrictedFields(uid);
    const trusted = actor.principal.kind === 'system';
    const [locale] = (await localesOf(context.contentType, Array.isArray(params.locale) ? params.locale[0] : params.locale)) ?? [undefined];
    const data = params.data ?? {};
    const createdBy = idOf(data.createdBy) ?? (actor.principal.kind === 'admin' ? actor.principal.id : null);

    // The stored draft: what a change is measured against and whose creator conditions look at.
    // Not needed for trusted code, nor when nothing about the write depends on it.
    const records = scheduler().schedules(uid);
    const needsStored = !trusted && (Object.keys(restricted).length > 0 || params.status === 'published' || records);
    let stored: VersionSubject | null = null;
    if (action === 'update' && params.documentId && needsStored) {
      [stored = null] = await versions(uid, params.documentId, locale ? [locale] : null, false);
    }
    if (action === 'clone' && params.documentId) {
      const sources = await versions(uid, params.documentId, await localesOf(context.contentType, params.locale), false);
      for (const source of sources) {
        if (!trusted && !rights().mayRead(actor, uid, source)) throw forbid({ kind: 'clone-read', locale: source.locale ?? '' }, actor);
      }
      // A clone is a new document: the source's schedule and import identity stay with the source.
      const fresh = Object.fromEntries(Object.keys(restricted).filter((f) => !(f in data)).map((f) => [f, null]));
      params.data = { ...data, ...fresh };
    }
    const subject: VersionSubject = stored ?? { locale, createdBy: createdBy === null ? null : { id: createdBy } };

    const changed = trusted ? [] : changedRestrictedFields(restricted, [data, ...requestBody(uid)], stored);
    const mayPublish = trusted || rights().mayPublish(actor, uid, subject);
    for (const field of changed) {
      const right = restricted[field];
      if ((right === 'importer' && !trusted) || (right === 'publisher' && !mayPublish)) {
        throw forbid({ kind: 'field', field, right, locale: locale ?? '' }, actor);
      }
    }
    if ((action === 'create' || action === 'update') && params.status === 'published' && !mayPublish) {
      throw forbid({ kind: 'publish', locale: locale ?? '' }, actor);
    }

    if (!records) return next();
    // The schedule's owner is written with the document, so neither exists without the other.
    return strapi.db.transaction(async () => {
      const result = await next();
      const shape = result as WriteResult | null;
      const written = shape?.entries ?? (shape ? [shape] : []);
      for (const entry of written) {
        const documentId = entry.documentId ?? params.documentId;
        if (!documentId) continue;
        await scheduler().recordDraftWrite({ uid, documentId, locale: entry.locale ?? locale ?? '', principal: actor.principal, mayPublish, changed });
      }
      return result;
    });
  }

  return {
    async middleware(context: Context, next: Next) {
      if (!GUARDED_ACTIONS.has(context.action) || (context.contentType as ModelLike).options?.draftAndPublish !== true) return next();
      const actor = rights().currentActor();
      // Code outside a request (scheduler, importer, scripts) and full-access tokens may publish:
      // only their schedule writes need recording.
      const unrestricted = contentApiMayPublish(actor.principal);
      switch (context.action) {
        case 'publish':
          if (!unrestricted) await requirePublish(context, actor, 'publish');
          return next();
        case 'unpublish':
          if (!unrestricted) await requirePublish(context, actor, 'unpublish');
          return next();
        case 'delete':
          if (!unrestricted) await requirePublish(context, actor, 'delete-published');
          return next();
        case 'create':
        case 'update':
        case 'clone':
          return write(context, next, actor);
        default:
          return next();
      }
    },
  };
};

export type PublicationGuard = ReturnType<typeof publicationGuard>;
