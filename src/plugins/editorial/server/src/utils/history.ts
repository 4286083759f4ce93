import { VIETNAM_OFFSET_MS } from './time';
import { isObject, text, type Json } from './types';

/** Document Service actions that store a version, and the name each version carries. */
export const VERSION_ACTIONS: Record<string, string> = {
  create: 'create',
  // The admin's "Nhân bản": a new document, whose first version is its creation.
  clone: 'create',
  update: 'update',
  publish: 'publish',
  unpublish: 'unpublish',
  discardDraft: 'discard',
};

export type VersionStatus = 'draft' | 'published' | 'modified';

/** The shape of an attribute as far as history needs it (a content type's or a component's). */
export interface AttributeSchema {
  type: string;
  multiple?: boolean;
  repeatable?: boolean;
  component?: string;
  target?: string;
}

export type Schema = Record<string, AttributeSchema>;

/** Attributes Strapi manages itself: never part of a version's content, never restored. */
export const SYSTEM_FIELDS = ['id', 'documentId', 'locale', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'localizations'];

/**
 * The status of the draft after an action: published right after a publication (the draft and the
 * published row are the same), `modified` when a published row exists but the draft may differ,
 * `draft` when nothing is published.
 */
export function statusAfter(action: string, alsoPublished: boolean, hasPublished: boolean): VersionStatus {
  if (action === 'publish' || alsoPublished || action === 'discard') return hasPublished ? 'published' : 'draft';
  return hasPublished ? 'modified' : 'draft';
}

const ids = (value: unknown, key: 'documentId' | 'id'): string[] => {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return list.map((v) => (isObject(v) ? text(v[key]) : text(v))).filter((v): v is string => v !== null);
};

/**
 * What a version keeps of a field read from the database: relations as their documentIds, media as
 * their ids, components with their own relations and media reduced the same way, values as they are.
 */
export function snapshotValue(value: unknown, attribute: AttributeSchema, components: Record<string, Schema>): unknown {
  if (attribute.type === 'relation') return ids(value, 'documentId');
  if (attribute.type === 'media') return attribute.multiple ? ids(value, 'id') : (ids(value, 'id')[0] ?? null);
  if (attribute.type === 'component') {
    const schema = components[attribute.component ?? ''] ?? {};
    const one = (v: unknown) => (isObject(v) ? snapshotFields(v, schema, components) : null);
    return attribute.repeatable ? (Array.isArray(value) ? value.map(one) : []) : one(value);
  }
  if (attribute.type === 'dynamiczone') return Array.isArray(value) ? value.filter(isObject).map((v) => ({ __component: v.__component, ...snapshotFields(v, components[text(v.__component) ?? ''] ?? {}, components) })) : [];
  return value === undefined ? null : value;
}

/** A row's fields as a version keeps them (system fields and private passwords left out). */
export function snapshotFields(row: Json, schema: Schema, components: Record<string, Schema>): Json {
  const out: Json = {};
  for (const [name, attribute] of Object.entries(schema)) {
    if (SYSTEM_FIELDS.includes(name) || attribute.type === 'password') continue;
    out[name] = snapshotValue(row[name], attribute, components);
  }
  return out;
}

/** One piece of a text diff: kept, added or removed words (with the spaces after them). */
export interface TextPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export type FieldChange =
  | { field: string; kind: 'text'; parts: TextPart[] }
  | { field: string; kind: 'relation' | 'media'; added: string[]; removed: string[] }
  | { field: string; kind: 'changed'; before: unknown; after: unknown };

/** Words and the spaces between them: joining the tokens gives the text back exactly. */
const tokens = (s: string): string[] => s.match(/\s+|[^\s]+/gu) ?? [];

/**
 * Above this many token pairs (about 1,000 changed words on each side, once the common head and
 * tail are set aside: 4 million cells, 16 MB), the diff says "all removed, all added" instead of
 * computing the longest common part.
 */
const MAX_CELLS = 4_000_000;

/** A word-level diff (longest common subsequence), adjacent parts of one kind merged. */
export function diffText(before: string, after: string): TextPart[] {
  const a = tokens(before);
  const b = tokens(after);
  const parts: TextPart[] = [];
  const push = (op: TextPart['op'], t: string) => {
    if (!t) return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += t;
    else parts.push({ op, text: t });
  };
  // Common head and tail first: an edit usually touches a small part of a long text.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  push('equal', a.slice(0, head).join(''));
  if (x.length * y.length > MAX_CELLS) {
    push('delete', x.join(''));
    push('insert', y.join(''));
  } else {
    // lcs[i][j]: length of the longest common subsequence of x[i..] and y[j..].
    const lcs = Array.from({ length: x.length + 1 }, () => new Uint32Array(y.length + 1));
    for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    let i = 0;
    let j = 0;
    while (i < x.length || j < y.length) {
      if (i < x.length && j < y.length && x[i] === y[j]) {
        push('equal', x[i++]);
        j++;
      } else if (i < x.length && (j === y.length || lcs[i + 1][j] >= lcs[i][j + 1])) push('delete', x[i++]);
      else push('insert', y[j++]);
    }
  }
  push('equal', a.slice(a.length - tail).join(''));
  return parts;
}

/** The text of rich-text blocks (Strapi's `blocks` JSON): each block on its own line. */
export function blocksText(value: unknown): string {
  const walk = (node: unknown): string => {
    if (Array.isArray(node)) return node.map(walk).join('');
    if (!isObject(node)) return '';
    if (typeof node.text === 'string') return node.text;
    return walk(node.children);
  };
  return Array.isArray(value) ? value.map(walk).join('\n') : '';
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => String(x)) : v === null || v === undefined ? [] : [String(v)]);

/**
 * The changes from one version's content to the next, field by field in the schema's order: a
 * word diff for strings and rich text, what was added and removed for relations and media,
 * before and after for anything else (numbers, dates, booleans, JSON, components). Unchanged
 * fields are left out; a rich text whose words are the same but whose formatting changed is `changed`.
 */
export function diffVersions(before: Json | null, after: Json, schema: Schema): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, attribute] of Object.entries(schema)) {
    if (SYSTEM_FIELDS.includes(field) || attribute.type === 'password') continue;
    const a = before ? before[field] : null;
    const b = after[field];
    if (same(a, b)) continue;
    if (attribute.type === 'relation' || attribute.type === 'media') {
      const from = asList(a);
      const to = asList(b);
      changes.push({ field, kind: attribute.type, added: to.filter((v) => !from.includes(v)), removed: from.filter((v) => !to.includes(v)) });
    } else if (['string', 'text', 'richtext', 'email', 'uid'].includes(attribute.type) && (typeof a === 'string' || a === null || a === undefined) && (typeof b === 'string' || b === null || b === undefined)) {
      changes.push({ field, kind: 'text', parts: diffText(a ?? '', b ?? '') });
    } else if (attribute.type === 'blocks' && blocksText(a) !== blocksText(b)) {
      changes.push({ field, kind: 'text', parts: diffText(blocksText(a), blocksText(b)) });
    } else {
      changes.push({ field, kind: 'changed', before: a ?? null, after: b ?? null });
    }
  }
  return changes;
}

/** A version as retention sees it. */
export interface RetainedVersion {
  id: number;
  uid: string;
  documentId: string;
  locale: string;
  status: string;
  at: number;
}

const DAY_MS = 24 * 3600 * 1000;
const vietnamDay = (ms: number) => Math.floor((ms + VIETNAM_OFFSET_MS) / DAY_MS);

/**
 * Which versions to delete: everything younger than `keepAllDays` stays; older ones, the last of
 * each day (a day in Vietnam) per document and locale stays, and every published version stays
 * (what the public saw is always kept). The ids to delete, in any order.
 */
export function versionsToPurge(versions: RetainedVersion[], now: number, keepAllDays: number): number[] {
  if (!Number.isInteger(keepAllDays) || keepAllDays < 1) throw new Error(`keepAllDays must be a whole number ≥ 1, not ${keepAllDays}`);
  const cutoff = now - keepAllDays * DAY_MS;
  const lastOfDay = new Map<string, RetainedVersion>();
  for (const v of versions) {
    if (v.at >= cutoff) continue;
    const key = `${v.uid}\u0000${v.documentId}\u0000${v.locale}\u0000${vietnamDay(v.at)}`;
    const kept = lastOfDay.get(key);
    if (!kept || v.at > kept.at || (v.at === kept.at && v.id > kept.id)) lastOfDay.set(key, v);
  }
  const keep = new Set([...lastOfDay.values()].map((v) => v.id));
  return versions.filter((v) => v.at < cutoff && v.status !== 'published' && !keep.has(v.id)).map((v) => v.id);
}
