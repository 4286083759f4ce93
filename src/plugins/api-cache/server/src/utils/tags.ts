/**
 * Cache tags: which stored answers a write can change. Pure functions; the strings are the CDN
 * purge keys too (README, "Tags").
 *
 * - `d:<documentId>`: the answer contains this document (at any depth: populated relations, media).
 * - `t:<uid>:<locale>`: the answer enumerates documents of this type and shows their fields (a REST
 *   list with any filter, a feed, a sitemap, search), so any public change of that type changes it.
 * - `n:<uid>:<locale>`: the answer lists the newest documents of this type sharing something with a
 *   page ("Tin khác", a section page) and carries the `d:` tags of those it shows, so only a change
 *   of membership or order (first publish, unpublish, delete, a membership field) changes it.
 * - `<locale>` is `*` when the request names none: every write touches both its own locale and `*`.
 * - `*` (internal, never in a header): every stored answer depends on it; touching it empties all.
 */

export const ALL = '*';
export const docTag = (documentId: string) => `d:${documentId}`;
export const typeTag = (uid: string, locale: string) => `t:${uid}:${locale}`;
export const membershipTag = (uid: string, locale: string) => `n:${uid}:${locale}`;

/** A route that enumerates content types: `path` is a prefix of the request path. */
export interface ListRoute {
  path: string;
  types: string[];
  /** `contents` (default): any public change of the types; `membership`: see `n:` above. */
  scope?: 'contents' | 'membership';
}

// documentIds are cuids, content-type uids (`<namespace>::<name>.<name>`), locales `vi`, `en-US`: nothing with spaces or commas,
// which would split a tag in `Cache-Tag` or `Surrogate-Key`.
const SAFE = /^[A-Za-z0-9_:.*-]+$/;

/** The `d:` tags of every object with a string `documentId` in a parsed JSON answer. */
export function documentTags(body: unknown, out = new Set<string>(), depth = 0): Set<string> {
  // qs and populate limit the depth of an answer long before this; the bound only stops a cycle.
  if (depth > 32 || body === null || typeof body !== 'object') return out;
  if (Array.isArray(body)) {
    for (const item of body) documentTags(item, out, depth + 1);
    return out;
  }
  const record = body as Record<string, unknown>;
  if (typeof record.documentId === 'string' && SAFE.test(record.documentId)) out.add(docTag(record.documentId));
  for (const value of Object.values(record)) if (value !== null && typeof value === 'object') documentTags(value, out, depth + 1);
  return out;
}

/** The locale a read asks for, or `*` (Strapi's default locale, or several). */
export function localeOf(query: unknown): string {
  const locale = query !== null && typeof query === 'object' ? (query as Record<string, unknown>).locale : undefined;
  return typeof locale === 'string' && SAFE.test(locale) && locale !== ALL ? locale : ALL;
}

/** The tags of a cacheable answer: what it contains and what its route enumerates. */
export function answerTags(input: { path: string; query: unknown; body: unknown; lists: ListRoute[] }): string[] {
  const tags = documentTags(input.body);
  const locale = localeOf(input.query);
  const path = input.path.toLowerCase();
  for (const route of input.lists) {
    if (!(path === route.path.toLowerCase() || path.startsWith(route.path.toLowerCase()))) continue;
    const tag = route.scope === 'membership' ? membershipTag : typeTag;
    for (const uid of route.types) tags.add(tag(uid, locale));
  }
  return [...tags].sort();
}

/** The list routes Strapi itself makes for the configured collection types: `GET /api/<pluralName>` (exact). */
export function coreListRoutes(contentTypes: Record<string, { kind?: string; info?: { pluralName?: string } }>, uids: readonly string[]): (path: string) => string[] {
  const byPath = new Map<string, string[]>();
  for (const uid of uids) {
    const type = contentTypes[uid];
    if (type?.kind !== 'collectionType' || !type.info?.pluralName) continue;
    byPath.set(`/api/${type.info.pluralName}`.toLowerCase(), [uid]);
  }
  return (path) => byPath.get(path.toLowerCase().replace(/\/$/, '')) ?? [];
}

export type WriteAction = 'create' | 'update' | 'delete' | 'publish' | 'unpublish' | 'discardDraft' | 'clone';

/** Does this Document Service write change what the public can read? */
export function isPublicWrite(action: string, draftAndPublish: boolean, status: unknown): boolean {
  if (!draftAndPublish) return action !== 'discardDraft';
  if (action === 'publish' || action === 'unpublish' || action === 'delete') return true;
  // create/update/clone write the draft, unless asked to publish in the same call.
  return (action === 'create' || action === 'update' || action === 'clone') && status === 'published';
}

/** A public change, as the api-cache plugin tells its subscribers (one per document and locale). */
export interface PublicChange {
  action: string;
  uid: string;
  documentId: string;
  /** The locale written; `*` for a type without locales. */
  locale: string;
  /** Whether it could add, remove or move the document in a list (see `n:` above). */
  membership: boolean;
  /** The membership fields and `slug` before and after, when the plugin read them (null: none published). */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The tags a public change touches; a change of every locale (`*`: a type without locales) touches each of `locales`. */
export function changeTags(change: Pick<PublicChange, 'uid' | 'documentId' | 'locale' | 'membership'>, locales: string[]): string[] {
  const all = [...new Set([...(change.locale === ALL ? locales : [change.locale]), ALL])];
  const tags = [docTag(change.documentId), ...all.map((l) => typeTag(change.uid, l))];
  if (change.membership) tags.push(...all.map((l) => membershipTag(change.uid, l)));
  return tags;
}

/**
 * Membership fields compared, relations as sorted documentIds: equal means the write cannot have
 * moved the document in or out of a list, nor reordered one.
 */
export function membershipChanged(before: Record<string, unknown> | null, after: Record<string, unknown> | null, fields: string[] | undefined): boolean {
  if (!before || !after || !fields) return true;
  const norm = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(norm).sort();
    if (value !== null && typeof value === 'object') {
      const id = (value as { documentId?: unknown }).documentId;
      return typeof id === 'string' ? id : JSON.stringify(value);
    }
    return value ?? null;
  };
  return fields.some((f) => JSON.stringify(norm(before[f])) !== JSON.stringify(norm(after[f])));
}

/** `Cache-Tag` (comma-separated) and `Surrogate-Key` (space-separated), or null when too long for a CDN. */
export function tagHeaders(tags: string[], maxBytes: number): { cacheTag: string; surrogateKey: string } | null {
  const visible = tags.filter((t) => t !== ALL);
  const cacheTag = visible.join(',');
  if (Buffer.byteLength(cacheTag) > maxBytes) return null;
  return { cacheTag, surrogateKey: visible.join(' ') };
}
