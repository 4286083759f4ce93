import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../config';
import { affectedPaths } from '../utils/paths';
import { getService } from '../utils/get-service';

type Row = Record<string, unknown>;

/** What the api-cache plugin announces (its `changes.subscribe`): the fields read, not the types. */
export interface Change {
  action: string;
  uid: string;
  documentId: string;
  locale: string;
  before: Row | null;
  after: Row | null;
}

export interface RevalidateEvent {
  id: string;
  event: 'publish' | 'update' | 'unpublish' | 'delete' | 'media' | 'test';
  uid: string;
  documentId: string;
  locale: string | null;
  slug: string | null;
  previousSlug: string | null;
  tags: string[];
  paths: string[];
  at: string;
}

interface Model {
  options?: { draftAndPublish?: boolean };
  pluginOptions?: { i18n?: { localized?: boolean } } & Record<string, unknown>;
  attributes: Record<string, { type: string; target?: string }>;
}

/** The name of a type's slug: its `uid` attribute. */
const slugField = (model: Model | undefined) => (model ? Object.keys(model.attributes).find((a) => model.attributes[a].type === 'uid') : undefined);

const FILE = 'plugin::upload.file';

const kindOf = (change: Change): RevalidateEvent['event'] => {
  if (change.uid === FILE) return 'media';
  if (change.action === 'unpublish' || change.action === 'delete') return change.action;
  return change.before ? 'update' : 'publish';
};

/** The documentIds in a populated relation, one or many. */
const idsIn = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).map((v) => (v as Row).documentId).filter((id): id is string => typeof id === 'string');

/** Turns public changes into outbox rows, one per receiver. */
export const events = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::revalidate') as PluginConfig;
  const model = (uid: string) => strapi.getModel(uid as Parameters<Core.Strapi['getModel']>[0]) as unknown as Model | undefined;
  const query = (uid: string) => strapi.db.query(uid as Parameters<Core.Strapi['db']['query']>[0]);

  /** The pages of entries shown with this one (its category, blocs…): their slugs, published ones only. */
  async function related(change: Change): Promise<{ uid: string; slug: string }[]> {
    const m = model(change.uid);
    const relations = (config().types[change.uid]?.relations ?? []).filter((r) => m?.attributes[r]?.target);
    if (!m || relations.length === 0) return [];
    const localized = (uid: string) => model(uid)?.pluginOptions?.i18n?.localized === true;
    const where: Row = { documentId: change.documentId };
    if (localized(change.uid)) where.locale = change.locale;
    // The current version (published, else the draft an unpublish leaves) and what the change saw.
    const current = (await query(change.uid).findMany({ where, populate: Object.fromEntries(relations.map((r) => [r, { select: ['documentId'] }])) })) as Row[];
    const out: { uid: string; slug: string }[] = [];
    for (const r of relations) {
      const target = m.attributes[r].target as string;
      const field = slugField(model(target));
      const ids = [...new Set([...current.flatMap((c) => idsIn(c[r])), ...idsIn(change.before?.[r]), ...idsIn(change.after?.[r])])];
      if (!field || ids.length === 0) continue;
      const w: Row = { documentId: { $in: ids } };
      if (model(target)?.options?.draftAndPublish) w.publishedAt = { $notNull: true };
      if (localized(target)) w.locale = change.locale;
      const rows = (await query(target).findMany({ where: w, select: [field] })) as Row[];
      for (const row of rows) if (typeof row[field] === 'string') out.push({ uid: target, slug: row[field] as string });
    }
    return out;
  }

  async function build(change: Change, tags: string[], id: string): Promise<RevalidateEvent> {
    const field = slugField(model(change.uid));
    const slugOf = (row: Row | null) => (field && typeof row?.[field] === 'string' ? (row[field] as string) : null);
    const slug = slugOf(change.after) ?? slugOf(change.before);
    const before = slugOf(change.before);
    const locale = change.locale === '*' ? null : change.locale;
    const event = kindOf(change);
    const previousSlug = before && before !== slug ? before : null;
    const paths = affectedPaths({ uid: change.uid, locale, slug: event === 'media' ? null : slug, previousSlug, related: await related(change) }, config());
    return { id, event, uid: change.uid, documentId: change.documentId, locale, slug, previousSlug, tags, paths, at: new Date().toISOString() };
  }

  /** The same change told twice (another instance, a retried call) gives the same key. */
  const changeKey = (change: Change, kind: string) => {
    const stamp = (row: Row | null) => String(row?.publishedAt ?? row?.updatedAt ?? '');
    return [kind, change.uid, change.documentId, change.locale, stamp(change.after) || stamp(change.before) || Date.now()].join('|');
  };

  /**
   * Media rows are written by the upload plugin outside any transaction, so their event cannot
   * commit with them. Before such a write an event is recorded due later (`intentDelayMs`); the
   * change itself makes it due at once. A crash between the two still sends it, a little later; a
   * write that then failed sends one needless revalidation, never a missed one.
   */
  const intents = new Map<string, { key: string; at: number }[]>();
  const takeIntent = (documentId: string): string | undefined => {
    const list = intents.get(documentId);
    const found = list?.shift();
    if (list && list.length === 0) intents.delete(documentId);
    return found?.key;
  };

  /** Sends due rows once the current transaction (if any) has committed: not before they are visible. */
  const kickAfterCommit = () =>
    strapi.db.transaction(async ({ onCommit }) => {
      onCommit(() => void getService(strapi, 'dispatcher').kick());
    });

  return {
    /** Called inside the change's transaction when there is one (api-cache's `changes`). */
    async record(change: Change, tags: string[]): Promise<void> {
      const { urls, secret } = config();
      if (urls.length === 0 || !secret) return;
      const event = await build(change, tags, randomUUID());
      const outbox = getService(strapi, 'outbox');
      const intent = change.uid === FILE ? takeIntent(change.documentId) : undefined;
      const released = intent ? await outbox.release(intent, JSON.stringify(event), urls) : 0;
      if (released === 0) await outbox.enqueue(changeKey(change, event.event), event.id, JSON.stringify(event), urls);
      await kickAfterCommit();
    },

    /** Before the upload plugin writes a media row (`where` names it by id): an event due later. */
    async expect(where: unknown): Promise<void> {
      const { urls, secret, intentDelayMs } = config();
      if (urls.length === 0 || !secret || !where || typeof where !== 'object') return;
      const row = (await query(FILE).findOne({ where, select: ['documentId'] })) as { documentId?: string } | null;
      if (!row?.documentId) return;
      const now = Date.now();
      // Intents whose write never reported back (it failed) are kept in the table, not here.
      for (const [id, list] of intents) if (list.every((i) => now - i.at > intentDelayMs)) intents.delete(id);
      const key = `intent|${randomUUID()}`;
      const change: Change = { action: 'update', uid: FILE, documentId: row.documentId, locale: '*', before: null, after: null };
      const event = await build(change, [`d:${row.documentId}`], randomUUID());
      await getService(strapi, 'outbox').enqueue(key, event.id, JSON.stringify(event), urls, intentDelayMs);
      intents.set(row.documentId, [...(intents.get(row.documentId) ?? []), { key, at: now }]);
    },

    /** "Gửi thử": a test event to every receiver, sent now; resolves once this round is over. */
    async test(): Promise<RevalidateEvent> {
      const id = randomUUID();
      const event: RevalidateEvent = { id, event: 'test', uid: '', documentId: '', locale: null, slug: null, previousSlug: null, tags: [], paths: [], at: new Date().toISOString() };
      await getService(strapi, 'outbox').enqueue(`test|${id}`, id, JSON.stringify(event), config().urls);
      await getService(strapi, 'dispatcher').kick();
      return event;
    },
  };
};
