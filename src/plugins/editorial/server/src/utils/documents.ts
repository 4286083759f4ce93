import { isObject, text, type EntryInput, type Json } from './types';

/** Document Service actions that change content, and their names in the log. Reads are not logged. */
export const DOCUMENT_ACTIONS: Record<string, string> = {
  create: 'content.create',
  update: 'content.update',
  delete: 'content.delete',
  publish: 'content.publish',
  unpublish: 'content.unpublish',
  discardDraft: 'content.discard-draft',
  clone: 'content.clone',
};

/** Attributes that name an entry, in the order tried; else the first plain string attribute. */
const TITLE_NAMES = ['title', 'name', 'displayName', 'label', 'username', 'code', 'slug'];
const TEXT_TYPES = ['string', 'text', 'uid'];

/** Which attribute holds an entry's title, or null: read from the content type's attributes. */
export function titleField(attributes: Record<string, unknown>): string | null {
  const type = (name: string) => (isObject(attributes[name]) ? text((attributes[name] as Json).type) : null);
  const named = TITLE_NAMES.find((name) => TEXT_TYPES.includes(type(name) ?? ''));
  if (named) return named;
  // Never a password or an e-mail: the first plain string.
  return Object.keys(attributes).find((name) => type(name) === 'string') ?? null;
}

/** The versions an action returned: an entry (create, update) or `{ entries }` (the others). */
export function versionsOf(result: unknown): Json[] {
  if (!isObject(result)) return [];
  if (Array.isArray(result.entries)) return result.entries.filter(isObject);
  return text(result.documentId) ? [result] : [];
}

const cut = (value: string | null) => (value && value.length > 500 ? `${value.slice(0, 499)}…` : value);

/**
 * The entries a Document Service call becomes: one per locale acted on (a delete removes the draft
 * and the published row of a locale: one entry). A create or update that also publishes
 * (`status: 'published'`, which Strapi does inside the call) is two entries: the write, then the
 * publish. `data` keys name the fields written, never their values.
 */
export function entriesFromDocument(
  uid: string,
  action: string,
  params: Json,
  result: unknown,
  title: string | null,
  draftAndPublish: boolean
): EntryInput[] {
  const name = DOCUMENT_ACTIONS[action];
  if (!name) return [];
  const seen = new Set<string>();
  const out: EntryInput[] = [];
  const details: Json = {};
  if ((action === 'create' || action === 'update') && isObject(params.data)) details.fields = Object.keys(params.data).sort();
  if (action === 'clone') details.from = text(params.documentId);
  const alsoPublished = draftAndPublish && (action === 'create' || action === 'update') && params.status === 'published';
  for (const version of versionsOf(result)) {
    const locale = text(version.locale);
    const key = locale ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    const target = { uid, documentId: text(version.documentId), locale, title: cut(title ? text(version[title]) : null) };
    out.push({ action: name, target, details: Object.keys(details).length ? details : null });
    if (alsoPublished) out.push({ action: 'content.publish', target, details: null });
  }
  return out;
}
